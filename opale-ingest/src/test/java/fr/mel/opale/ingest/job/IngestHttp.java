package fr.mel.opale.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Multipart uploads to {@code /api/ingest} and polling of jobs, over real HTTP. */
final class IngestHttp {
    final HttpTestClient http;

    IngestHttp(int port) {
        this.http = new HttpTestClient(port);
    }

    HttpResponse<String> upload(String fileName, byte[] content, String options, String dataset, String auth,
                                boolean dryRun) {
        String boundary = "opale" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            part(body, boundary, "file", fileName, content);
            if (options != null) {
                part(body, boundary, "options", null, options.getBytes(StandardCharsets.UTF_8));
            }
            if (dataset != null) {
                part(body, boundary, "dataset", null, dataset.getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return http.send("POST", "/api/ingest" + (dryRun ? "?dryRun=true" : ""),
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), auth);
    }

    HttpResponse<String> upload(Path file, String options, String dataset) {
        try {
            return upload(file.getFileName().toString(), Files.readAllBytes(file), options, dataset,
                    HttpTestClient.ADMIN, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads and waits for the job's end; answers the job. */
    JsonNode publish(String fileName, byte[] content, String options, String dataset) {
        HttpResponse<String> accepted = upload(fileName, content, options, dataset, HttpTestClient.ADMIN, false);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return await(http.json(accepted).get("jobId").asString());
    }

    JsonNode publish(Path file, String options, String dataset) {
        try {
            return publish(file.getFileName().toString(), Files.readAllBytes(file), options, dataset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode job(String id) {
        HttpResponse<String> response = http.get("/api/ingest/jobs/" + id, HttpTestClient.ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return http.json(response);
    }

    JsonNode await(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode job = job(id);
            String status = job.get("status").asString();
            if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " toujours " + status + " : " + job);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static boolean hasMessage(JsonNode job, String code) {
        for (JsonNode m : job.get("messages")) {
            if (m.get("code").asString().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The text of the message with this code, errors first (a reader's warning may share the code). */
    static String message(JsonNode job, String code) {
        for (JsonNode m : job.get("messages")) {
            if (m.get("code").asString().equals(code) && m.get("level").asString().equals("error")) {
                return m.get("text").asString();
            }
        }
        for (JsonNode m : job.get("messages")) {
            if (m.get("code").asString().equals(code)) {
                return m.get("text").asString();
            }
        }
        throw new AssertionError("pas de message " + code + " dans " + job.get("messages"));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content)
            throws IOException {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            head.append("; filename=\"").append(fileName).append('"');
        }
        head.append("\r\n");
        head.append(fileName != null ? "Content-Type: application/octet-stream\r\n"
                : "Content-Type: text/plain; charset=UTF-8\r\n");
        head.append("\r\n");
        body.write(head.toString().getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
