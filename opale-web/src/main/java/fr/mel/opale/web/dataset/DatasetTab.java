package fr.mel.opale.web.dataset;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tabs of a record's page, each with its own address: {@code /catalogue/{id}} for the presentation,
 * {@code /catalogue/{id}/<path>} for the others. Records without published data have the presentation and, when
 * they list files or services, the downloads only.
 */
public enum DatasetTab {
    PRESENTATION(""), TABLE("tableau"), MAP("carte"), CHART("graphique"), API("api"), DOWNLOADS("telechargements"),
    QUALITY("qualite");

    private final String path;

    DatasetTab(String path) {
        this.path = path;
    }

    /** The last segment of the tab's address; empty for the presentation. */
    public String path() {
        return path;
    }

    /** The tab's address for record {@code recordId} (already URL-safe: record paths are encoded by the caller). */
    public String href(String recordPath) {
        return path.isEmpty() ? recordPath : recordPath + "/" + path;
    }

    /** Message key of the tab's name. */
    public String labelKey() {
        return "dataset.tab." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<DatasetTab> ofPath(String path) {
        return Arrays.stream(values()).filter(t -> !t.path.isEmpty() && t.path.equals(path)).findFirst();
    }
}
