package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.ResourceKind;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code distribution}: the record has a link of one of the {@code kinds} (all kinds when empty) and, when
 * {@code formats} are listed, one in one of those formats.
 *
 * <p>A format is recognised in a link's format ({@code text/csv}, {@code GeoJSON}), its protocol
 * ({@code WWW:DOWNLOAD:application/json}) or its file extension ({@code .../stations.csv}), and — when
 * {@code declaredFormats} — in the record's declared distribution formats ({@code ESRI Shapefile (SHP)}). Matching
 * is by words: {@code csv} matches {@code text/csv}; {@code esri shapefile} needs both words. Case is ignored.
 */
public record HasDistribution(Set<ResourceKind> kinds, List<String> formats, boolean declaredFormats)
        implements Check {
    public HasDistribution {
        kinds = Set.copyOf(kinds);
        formats = formats.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty()).toList();
    }

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        List<OnlineResource> links = record.onlineResources().stream()
                .filter(r -> kinds.isEmpty() || kinds.contains(r.kind())).toList();
        if (formats.isEmpty()) {
            return !links.isEmpty();
        }
        Stream<String> fromLinks = links.stream()
                .flatMap(r -> Stream.of(r.format(), r.protocol(), extension(r.url())));
        Stream<String> declared = declaredFormats ? record.formats().stream().map(Format::name) : Stream.empty();
        return Stream.concat(fromLinks, declared).filter(s -> s != null && !s.isBlank())
                .map(HasDistribution::words).anyMatch(this::inAListedFormat);
    }

    private boolean inAListedFormat(Set<String> words) {
        return formats.stream().anyMatch(format -> words.containsAll(words(format)));
    }

    static Set<String> words(String text) {
        return new HashSet<>(Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList());
    }

    /** The extension of the URL's last path segment ({@code csv} for {@code .../a.csv?x=1}), or null. */
    static @Nullable String extension(String url) {
        String path;
        try {
            path = URI.create(url.strip()).getPath();
        } catch (IllegalArgumentException notAUri) {
            path = url;
        }
        if (path == null) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 || dot == last.length() - 1 ? null : last.substring(dot + 1);
    }
}
