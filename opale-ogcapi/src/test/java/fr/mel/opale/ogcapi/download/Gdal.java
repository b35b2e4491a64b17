package fr.mel.opale.ogcapi.download;

import fr.mel.opale.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GDAL's command-line tools ({@code ogrinfo}, {@code ogr2ogr}, package gdal-bin) as an independent shapefile reader
 * for the tests: what they read back is what QGIS and ArcGIS users will see. Tests using it call
 * {@link ExternalTools#requireGdal()} first: skipped where GDAL is not installed, failing instead under
 * {@code OPALE_REQUIRE_OGC_CLIENTS=true} (CI).
 */
public final class Gdal {
    private Gdal() {
    }

    /** {@code ogrinfo -al -so} on a layer: geometry type, feature count, CRS, fields. */
    public static String summary(Path zip, String shapefile) {
        return run("ogrinfo", "-ro", "-al", "-so", "/vsizip/" + zip.toAbsolutePath() + "/" + shapefile);
    }

    /** The layer as GeoJSON (coordinates as written: no reprojection). */
    public static String geoJson(Path zip, String shapefile) {
        return run("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", "/vsizip/" + zip.toAbsolutePath() + "/" + shapefile);
    }

    public static String run(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectError(ProcessBuilder.Redirect.INHERIT).start(); // warnings to the test log, not into the JSON
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
