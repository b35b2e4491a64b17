package fr.mel.opale.ingest.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Downloads a URL source to disk: http and https only, never to loopback, private, link-local or other internal
 * addresses (unless {@code opale.ingest.allow-private-urls}), redirects followed by hand (at most 5) and each hop
 * checked again, size and time bounded, cancellable. Answers the file's SHA-256.
 *
 * <p>The address check resolves the host before connecting; a DNS answer that changes between the check and the
 * connection (rebinding) is not caught — acceptable for producers' open-data URLs, not for arbitrary users.
 */
@Component
class UrlFetcher {
    private static final int MAX_REDIRECTS = 5;
    private final IngestSettings settings;
    private final HttpClient http;

    UrlFetcher(IngestSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** The file name a URL suggests (its last path segment), for format detection and titles. */
    static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? uri.getHost() == null ? "source" : uri.getHost() : last;
    }

    /**
     * Checks a URL without fetching it.
     *
     * @throws IllegalArgumentException with a French message: not http(s), no host, or an internal address
     */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Adresse « " + url + " » invalide.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Seules les adresses http et https sont acceptées (reçu « " + scheme
                    + ": »).");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("L'adresse « " + url + " » n'a pas de nom d'hôte.");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("Une adresse source ne peut pas contenir d'identifiants.");
        }
        if (!settings.allowPrivateUrls()) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Le nom d'hôte « " + uri.getHost() + " » est introuvable.");
            }
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw new IllegalArgumentException("L'adresse « " + uri.getHost() + " » désigne un réseau interne ("
                            + address.getHostAddress() + ") : refusée.");
                }
            }
        }
        return uri;
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // unique local fc00::/7
        }
        return false;
    }

    /** Where a download ended: its file and SHA-256, and the name its URL suggests. */
    record Downloaded(Path file, String sha256, String name, long bytes) {
    }

    /**
     * Fetches {@code url} into {@code target}.
     *
     * @throws IngestFailure with a French message for any refusal or failure
     */
    Downloaded fetch(String url, Path target, BooleanSupplier cancelled) {
        URI uri = check(url);
        long deadline = System.nanoTime() + settings.downloadTimeout().toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.downloadTimeout())
                    .header("User-Agent", "Opale (plateforme open data MEL)").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IngestFailure("download-failed", "Téléchargement de « " + uri + " » impossible : "
                        + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestFailure("cancelled", "Téléchargement interrompu.");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                uri = check(uri.resolve(response.headers().firstValue("Location").get()).toString());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new IngestFailure("download-failed", "Le serveur de « " + uri + " » a répondu " + status + ".");
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long max = settings.maxDownloadSize().toBytes();
            if (declared > max) {
                close(response);
                throw new IngestFailure("download-too-large", "Le fichier de « " + uri + " » dépasse la taille "
                        + "maximale (" + (max >> 20) + " Mo).");
            }
            return copy(response, uri, target, max, deadline, cancelled);
        }
        throw new IngestFailure("download-failed", "Trop de redirections depuis « " + url + " ».");
    }

    private static Downloaded copy(HttpResponse<InputStream> response, URI uri, Path target, long max, long deadline,
                                   BooleanSupplier cancelled) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        try (InputStream in = new DigestInputStream(response.body(), sha);
             OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > max) {
                    throw new IngestFailure("download-too-large", "Le fichier de « " + uri
                            + " » dépasse la taille maximale (" + (max >> 20) + " Mo).");
                }
                if (System.nanoTime() > deadline) {
                    throw new IngestFailure("download-timeout", "Le téléchargement de « " + uri
                            + " » a dépassé le temps permis.");
                }
                if (cancelled.getAsBoolean()) {
                    throw new IngestFailure("cancelled", "Import annulé pendant le téléchargement.");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IngestFailure("download-failed", "Téléchargement de « " + uri + " » interrompu : "
                    + e.getMessage());
        }
        return new Downloaded(target, HexFormat.of().formatHex(sha.digest()), fileName(uri), total);
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped anyway
        }
    }
}
