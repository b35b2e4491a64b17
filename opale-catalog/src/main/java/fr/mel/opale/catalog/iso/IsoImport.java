package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.CatalogProblem.FileError;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.ownership.PublisherOwners;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Imports ISO 19139 / ISO 19115-3 records into the catalog: one XML document, or the entries of a ZIP archive
 * ({@link IsoArchive}). Re-importing an identifier updates its record, never duplicates it.
 *
 * <p>All or nothing by default: if any file cannot be read, nothing is stored and the answer lists every faulty
 * file. With {@code skipInvalid}, the readable records are stored and the faulty files reported. Stand-alone ISO
 * 19110 feature catalogues inside an archive are skipped, not errors: they describe attributes, not resources.
 *
 * <p>A new record's owner organisation comes from its publisher ({@link PublisherOwners}); a record already there
 * keeps its owner.
 */
@Service
public class IsoImport {
    private final IsoReader reader = new IsoReader();
    private final Catalog catalog;
    private final PublisherOwners owners;

    public IsoImport(Catalog catalog, PublisherOwners owners) {
        this.catalog = catalog;
        this.owners = owners;
    }

    /**
     * What an import did.
     *
     * @param owners the owner organisation of each created record (by identifier) that is not the platform's
     */
    public record Report(List<String> created, List<String> updated, List<FileError> skipped,
                         List<FileError> errors, Map<String, String> owners) {
    }

    /** Imports one XML document; any problem with it is a 400 naming it. */
    public Report importDocument(byte[] xml) {
        CatalogRecord record;
        try {
            record = reader.read(xml, null);
        } catch (InvalidMetadata e) {
            throw CatalogProblem.importRejected(e.getMessage(), List.of());
        }
        return store(List.of(record), List.of(), List.of());
    }

    /** Imports every XML entry of an archive already checked and bounded by {@link IsoArchive}. */
    public Report importArchive(List<IsoArchive.Entry> entries, boolean skipInvalid) {
        Map<String, CatalogRecord> records = new LinkedHashMap<>();
        List<FileError> skipped = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        for (IsoArchive.Entry entry : entries) {
            if (!entry.name().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                skipped.add(new FileError(entry.name(), "Ignoré : seuls les fichiers .xml sont lus."));
                continue;
            }
            try {
                CatalogRecord record = reader.read(entry.content(), entry.name());
                CatalogRecord previous = records.put(record.id(), record);
                if (previous != null) {
                    skipped.add(new FileError(entry.name(), "L'identifiant « " + record.id()
                            + " » apparaît dans plusieurs fichiers de l'archive : le dernier l'emporte."));
                }
            } catch (InvalidMetadata e) {
                if (e.reason() == InvalidMetadata.Reason.FEATURE_CATALOGUE) {
                    skipped.add(new FileError(entry.name(), e.getMessage()));
                } else {
                    errors.add(new FileError(entry.name(), e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty() && !skipInvalid) {
            throw CatalogProblem.importRejected(errors.size() + " fichier(s) de l'archive ne sont pas des fiches ISO "
                    + "lisibles ; rien n'a été importé. Corrigez-les, ou ajoutez ?onError=skip pour importer les autres.",
                    errors);
        }
        if (records.isEmpty() && errors.isEmpty()) {
            throw CatalogProblem.importRejected("L'archive ne contient aucune fiche ISO (fichier .xml).", skipped);
        }
        return store(List.copyOf(records.values()), skipped, errors);
    }

    private Report store(List<CatalogRecord> records, List<FileError> skipped, List<FileError> errors) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        Map<String, String> owned = new LinkedHashMap<>();
        for (Catalog.Upserted upserted : catalog.upsertAll(records, owners.ownersOf(records))) {
            (upserted.created() ? created : updated).add(upserted.record().id());
            if (upserted.created() && upserted.record().ownerOrganisation() != null) {
                owned.put(upserted.record().id(), upserted.record().ownerOrganisation());
            }
        }
        return new Report(created, updated, skipped, errors, owned);
    }
}
