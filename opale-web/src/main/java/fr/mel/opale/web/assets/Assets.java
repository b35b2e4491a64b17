package fr.mel.opale.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The addresses of the modules Vite built, read once from its manifest ({@code static/assets/manifest.json}):
 * {@code url("fiche.js")} is {@code /assets/fiche-<hash>.js}. A name the manifest does not hold is a start-up or
 * rendering error, never a silently broken page. Thread-safe (immutable after construction).
 */
@Component
public class Assets {
    static final String MANIFEST = "static/assets/manifest.json";
    private final Map<String, String> files;

    public Assets() {
        ClassPathResource manifest = new ClassPathResource(MANIFEST);
        if (!manifest.exists()) {
            throw new IllegalStateException("Front-end modules not built: " + MANIFEST
                    + " is missing (the build runs \"npm run build\" in opale-web)");
        }
        try (InputStream in = manifest.getInputStream()) {
            JsonNode tree = JsonMapper.builder().build().readTree(in);
            java.util.HashMap<String, String> read = new java.util.HashMap<>();
            for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                read.put(entry.getKey(), "/" + entry.getValue().get("file").asString());
            }
            files = Map.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprinted address of the module built from {@code src/main/frontend/<name>}. */
    public String url(String name) {
        String url = files.get(name);
        if (url == null) {
            throw new IllegalArgumentException("No built module named " + name + " in " + MANIFEST);
        }
        return url;
    }
}
