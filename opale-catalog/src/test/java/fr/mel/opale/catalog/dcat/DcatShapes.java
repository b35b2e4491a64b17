package fr.mel.opale.catalog.dcat;

import fr.mel.opale.catalog.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;

/**
 * The SEMIC DCAT-AP 3.0.0 SHACL shapes, read from the shared validators folder (never copied into the project),
 * combined as the EU validator's "base + range" mode: {@code shapes.ttl} + {@code range.ttl}. Range shapes check
 * the class of every object, so the export must type its objects itself; {@link #violations(Model, boolean)} can
 * also merge DCAT 3's own vocabulary into the data as background knowledge (subclasses), as the folder's README
 * describes.
 */
public final class DcatShapes {
    private static final String VERSION_DIR = "validators/dcat-ap/3.0.0";
    private static Shapes shapes;

    private DcatShapes() {
    }

    /** The shared {@code data} folder when it holds the DCAT-AP validators (see {@link SharedData}); else empty. */
    public static Optional<Path> sharedDataDir() {
        return SharedData.find().map(dir -> dir.resolve("data"))
                .filter(data -> Files.isDirectory(data.resolve(VERSION_DIR)));
    }

    public static boolean available() {
        return sharedDataDir().isPresent();
    }

    /**
     * Every SHACL violation (warnings ignored) of {@code data}, one line each: focus node, path, message, value.
     *
     * @param withBackground whether to merge {@code background/dcat3.ttl} into a copy of the data first
     */
    public static List<String> violations(Model data, boolean withBackground) {
        Graph graph = data.getGraph();
        if (withBackground) {
            Model merged = ModelFactory.createDefaultModel().add(data);
            RDFDataMgr.read(merged, sharedDataDir().orElseThrow()
                    .resolve("validators/dcat-ap/background/dcat3.ttl").toString());
            graph = merged.getGraph();
        }
        ValidationReport report = ShaclValidator.get().validate(shapes(), graph);
        return report.getEntries().stream()
                .filter(entry -> Severity.Violation.equals(entry.severity()))
                .map(entry -> "focus=" + entry.focusNode() + " path=" + entry.resultPath() + " message="
                        + entry.message() + " value=" + entry.value())
                .sorted().toList();
    }

    private static synchronized Shapes shapes() {
        if (shapes == null) {
            Path dir = sharedDataDir().orElseThrow().resolve(VERSION_DIR);
            Model combined = ModelFactory.createDefaultModel();
            Stream.of("shapes.ttl", "range.ttl")
                    .forEach(file -> RDFDataMgr.read(combined, dir.resolve(file).toString()));
            shapes = Shapes.parse(combined.getGraph());
        }
        return shapes;
    }
}
