package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.ResolvedSlug;
import fr.mel.opale.ogcapi.OgcApiSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The collections the current viewer may see: datasets with a served version, through {@link Datasets} (which
 * applies the access policy: hidden datasets are absent, and resolving their slug finds nothing). Titles come from
 * the catalog record when there is one ({@link CollectionTexts}, remembered until a record changes).
 */
@Component
public class OgcCollections {
    private final Datasets datasets;
    private final CollectionTexts texts;
    private final OgcApiSettings settings;

    OgcCollections(Datasets datasets, CollectionTexts texts, OgcApiSettings settings) {
        this.datasets = datasets;
        this.texts = texts;
        this.settings = settings;
    }

    /** Visible collections with rows, by id. */
    public List<OgcCollection> list() {
        List<OgcCollection> collections = new ArrayList<>();
        for (Dataset dataset : datasets.list()) {
            describe(dataset).ifPresent(collections::add);
        }
        return collections;
    }

    /** Resolves an id: the collection, or the one it was renamed to ({@code moved}); empty if unknown or hidden. */
    public Optional<Resolved> resolve(String id) {
        Optional<ResolvedSlug> resolved = datasets.resolve(id);
        return resolved.flatMap(r -> describe(r.dataset()).map(c -> new Resolved(c, r.moved())));
    }

    public record Resolved(OgcCollection collection, boolean moved) {
    }

    private Optional<OgcCollection> describe(Dataset dataset) {
        if (dataset.currentVersion() == null) {
            return Optional.empty();
        }
        Optional<DatasetVersion> version = datasets.currentVersion(dataset.id());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<CollectionTexts.Texts> record = texts.of(dataset.recordId());
        String title = record.map(CollectionTexts.Texts::title).orElse(dataset.slug());
        String description = record.map(CollectionTexts.Texts::description).orElse(null);
        boolean restricted = record.map(CollectionTexts.Texts::restricted).orElse(true);
        String temporal = OgcCollection.temporalProperty(version.get(),
                settings.temporalProperties().get(dataset.slug()));
        return Optional.of(new OgcCollection(dataset, version.get(), title, description, restricted, temporal));
    }
}
