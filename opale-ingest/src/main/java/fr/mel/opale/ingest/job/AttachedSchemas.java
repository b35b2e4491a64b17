package fr.mel.opale.ingest.job;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Protected;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.ingest.schema.InvalidTableSchema;
import fr.mel.opale.ingest.schema.TableSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The TableSchema attached to a dataset: every import into it is validated against it, and what
 * an error does ({@link OnSchemaError}) is stored with it. A schema comes as JSON or from a URL (fetched once, with
 * the URL sources' guards, and kept: a schema that changes upstream does not change the rules silently).
 */
@Service
public class AttachedSchemas {
    private final JdbcTemplate jdbc;
    private final Datasets datasets;
    private final Catalog catalog;
    private final AccessPolicy policy;
    private final UrlFetcher fetcher;
    private final UploadArea uploads;

    AttachedSchemas(JdbcTemplate jdbc, Datasets datasets, Catalog catalog, AccessPolicy policy, UrlFetcher fetcher,
                    UploadArea uploads) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.catalog = catalog;
        this.policy = policy;
        this.fetcher = fetcher;
        this.uploads = uploads;
    }

    /** A dataset's schema with its settings. */
    public record Attached(String datasetId, TableSchema schema, @Nullable String sourceUrl, OnSchemaError onError,
                           Instant updated) {
    }

    /** The schema attached to a visible dataset. */
    public Optional<Attached> find(String datasetId) {
        return datasets.find(datasetId).flatMap(d -> stored(d.id()));
    }

    Optional<Attached> stored(String datasetId) {
        return jdbc.query("SELECT * FROM dataset_table_schema WHERE dataset_id = ?", (rs, n) -> new Attached(
                        rs.getString("dataset_id"), TableSchema.parse(rs.getString("schema_json")),
                        rs.getString("source_url"), OnSchemaError.parse(rs.getString("on_error")),
                        JobStore.instant(rs, "updated_at")), datasetId).stream().findFirst();
    }

    /**
     * Attaches (or replaces) a dataset's schema, given as JSON or fetched from {@code url}.
     *
     * @throws IllegalArgumentException when the schema is unusable or cannot be fetched (French message, 400)
     */
    public Attached attach(String datasetId, @Nullable String json, @Nullable String url, OnSchemaError onError) {
        Dataset dataset = editable(datasetId);
        TableSchema schema = resolve(json, url);
        save(dataset.id(), schema, url, onError);
        return stored(dataset.id()).orElseThrow();
    }

    /** Removes a dataset's schema; later imports are no longer validated. */
    public void detach(String datasetId) {
        Dataset dataset = editable(datasetId);
        jdbc.update("DELETE FROM dataset_table_schema WHERE dataset_id = ?", dataset.id());
    }

    void save(String datasetId, TableSchema schema, @Nullable String url, OnSchemaError onError) {
        jdbc.update("DELETE FROM dataset_table_schema WHERE dataset_id = ?", datasetId);
        jdbc.update("INSERT INTO dataset_table_schema (dataset_id, schema_json, source_url, on_error, updated_at) "
                + "VALUES (?,?,?,?,?)", datasetId, schema.json(), url, onError.code(), JobStore.ts(Instant.now()));
    }

    /** The schema of JSON text or of a URL; exactly one of them. */
    TableSchema resolve(@Nullable String json, @Nullable String url) {
        try {
            if (json != null && !json.isBlank()) {
                return TableSchema.parse(json);
            }
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("Donnez un schéma TableSchema (JSON) ou son adresse.");
            }
            Path temp = Files.createTempFile(uploads.jobs(), "schema-", ".json");
            try {
                UrlFetcher.Downloaded downloaded = fetcher.fetch(url, temp, () -> false);
                if (downloaded.bytes() > TableSchema.MAX_BYTES) {
                    throw new IllegalArgumentException("Le schéma de « " + url + " » est trop volumineux.");
                }
                return TableSchema.parse(Files.readString(temp, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (InvalidTableSchema e) {
            throw new IllegalArgumentException("Schéma TableSchema inutilisable : " + e.getMessage(), e);
        } catch (IngestFailure e) {
            throw new IllegalArgumentException("Schéma introuvable : " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Schéma illisible : " + e.getMessage(), e);
        }
    }

    private Dataset editable(String datasetId) {
        Dataset dataset = datasets.find(datasetId).orElseThrow(() -> DataProblem.datasetNotFound(datasetId));
        policy.requireDatasetEdit(protection(catalog, dataset.recordId()));
        return dataset;
    }

    static Protected protection(Catalog catalog, @Nullable String recordId) {
        if (recordId == null) {
            return Protected.unpublished();
        }
        return catalog.find(recordId).map(StoredRecord::protection).orElse(Protected.unpublished());
    }
}
