package fr.mel.opale.catalog.dcat;

import fr.mel.opale.testing.SharedTestData;
import java.util.List;
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
 * describes. The shapes are shared data: missing, the calling test is skipped, or fails under
 * {@code OPALE_REQUIRE_SHARED_DATA=true} (see {@link SharedTestData}).
 */
public final class DcatShapes {
    private static final String DIR = "validators/dcat-ap/";
    private static Shapes shapes;

    private DcatShapes() {
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
            RDFDataMgr.read(merged, SharedTestData.file(DIR + "background/dcat3.ttl").toString());
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
            Model combined = ModelFactory.createDefaultModel();
            Stream.of("shapes.ttl", "range.ttl").forEach(file -> RDFDataMgr.read(combined,
                    SharedTestData.file(DIR + "3.0.0/" + file).toString()));
            shapes = Shapes.parse(combined.getGraph());
        }
        return shapes;
    }
}
