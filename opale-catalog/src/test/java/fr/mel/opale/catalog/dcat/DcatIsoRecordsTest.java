package fr.mel.opale.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.catalog.iso.IsoReader;
import fr.mel.opale.catalog.model.CatalogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export of the 32 real ISO records of the shared data (GeoNetwork dumps, geonetwork-ui fixtures, CNIG), read
 * with {@link IsoReader}: poor-quality records (no title, no link, no keywords, odd URLs) must still give valid
 * DCAT-AP. Skipped when the shared data is absent.
 */
class DcatIsoRecordsTest {
    private static final DcatExport EXPORT = new DcatExport("https://opale.lillemetropole.fr");
    private static List<CatalogRecord> records;

    @BeforeAll
    static void readSharedRecords() {
        IsoReader reader = new IsoReader();
        records = SharedTestData.isoRecords().stream().map(path -> read(reader, path)).toList();
    }

    @Test
    void theWholeCatalogOfRealRecordsIsValidDcatAp() {
        assertThat(records).hasSize(32);
        // Two OFB files are variants of one record (same fileIdentifier); storage keeps one record per identifier,
        // so a real page never holds both. Merged under one URI they would break DCAT-AP's "at most one" rules.
        List<CatalogRecord> stored = records.stream()
                .collect(java.util.stream.Collectors.toMap(CatalogRecord::id, r -> r, (first, second) -> first,
                        java.util.LinkedHashMap::new)).values().stream().toList();
        assertThat(stored).hasSize(31);
        Model model = EXPORT.catalog(stored, new DcatPaging(1, 100, stored.size(), null), null);

        assertThat(DcatShapes.violations(model, false)).isEmpty();
        assertThat(DcatShapes.violations(model, true)).isEmpty();
        Resource catalog = model.getResource(EXPORT.catalogUri());
        int listed = catalog.listProperties(DCAT.dataset).toList().size()
                + catalog.listProperties(DCAT.service).toList().size()
                + catalog.listProperties(DcatApTerms.DCAT_RESOURCE).toList().size();
        assertThat(listed).isEqualTo(stored.size());
    }

    @Test
    void eachRealRecordAloneIsValidDcatAp() {
        for (CatalogRecord record : records) {
            assertThat(DcatShapes.violations(EXPORT.record(record), false)).as(record.id()).isEmpty();
        }
    }

    @Test
    void realRecordsKeepWhatHarvestersLookFor() {
        Model model = EXPORT.catalog(records, null, null);
        long withDistribution = model.listSubjectsWithProperty(DCAT.distribution).toList().size();
        long withLicence = model.listSubjectsWithProperty(DCTerms.license).toList().size();
        long services = model.listSubjectsWithProperty(DCAT.endpointURL).toList().size();

        assertThat(withDistribution).as("jeux de données avec au moins une distribution").isGreaterThan(20);
        assertThat(withLicence).as("distributions ou services avec licence").isGreaterThan(10);
        assertThat(services).as("au moins le service geo2france").isPositive();
        assertThat(model.listObjectsOfProperty(DCTerms.accrualPeriodicity).toList()).isNotEmpty();
        assertThat(model.listObjectsOfProperty(DCAT.theme).toList()).isNotEmpty();
    }

    private static CatalogRecord read(IsoReader reader, Path path) {
        try {
            return reader.read(Files.readAllBytes(path), path.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
