package fr.mel.opale.quality;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.quality.OrganisationQuality.MissedCriterion;
import fr.mel.opale.quality.OrganisationQuality.RecordScore;
import fr.mel.opale.quality.internal.QualityStore;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The producer dashboard: per organisation (the record's publisher, until organisations exist in access), the
 * average score, the distribution by band, the lowest-scored records and the most-missed criteria. Counts only
 * the records the current viewer may read ({@link Catalog#listFull}), so it never reveals a hidden record.
 *
 * <p>Reads every visible record: fine for thousands; the search index will take over for more.
 */
@Service
public class QualityDashboard {
    static final int LOWEST = 10;
    private static final int PAGE = 200;

    private final Catalog catalog;
    private final QualityStore store;

    QualityDashboard(Catalog catalog, QualityStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** Every organisation with at least one scored record visible to the viewer, by name (no organisation last). */
    @Transactional(readOnly = true)
    public List<OrganisationQuality> organisations() {
        // grouped by slug: "Métropole Européenne de Lille" and "METROPOLE EUROPEENNE DE LILLE" are one organisation
        Map<String, List<Scored>> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            RecordPage<StoredRecord> records = catalog.listFull(page, PAGE);
            Map<String, QualityReport> reports = store.findAll(records.items().stream().map(StoredRecord::id).toList());
            for (StoredRecord stored : records.items()) {
                QualityReport report = reports.get(stored.id());
                if (report != null) {
                    String name = organisation(stored.record());
                    String slug = slug(name);
                    if (name != null) {
                        names.putIfAbsent(slug, name);
                    }
                    groups.computeIfAbsent(slug, k -> new ArrayList<>()).add(new Scored(stored.record(), report));
                }
            }
            if (!records.hasNext()) {
                break;
            }
        }
        return groups.entrySet().stream()
                .map(e -> summary(names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing((OrganisationQuality o) -> o.name() == null)
                        .thenComparing(o -> o.name() == null ? "" : o.name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** One organisation by its slug; empty when unknown or when none of its records is visible to the viewer. */
    @Transactional(readOnly = true)
    public Optional<OrganisationQuality> organisation(String slug) {
        return organisations().stream().filter(o -> o.slug().equals(slug)).findFirst();
    }

    /** The URL segment of an organisation name: lower case, no accents, words joined by dashes. */
    public static String slug(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return OrganisationQuality.NO_ORGANISATION;
        }
        String plain = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? OrganisationQuality.NO_ORGANISATION : plain;
    }

    private static @Nullable String organisation(CatalogRecord record) {
        return record.publisher() == null ? null : record.publisher().name();
    }

    private static OrganisationQuality summary(@Nullable String name, List<Scored> scored) {
        Map<QualityBand, Integer> distribution = new EnumMap<>(QualityBand.class);
        for (QualityBand band : QualityBand.values()) {
            distribution.put(band, 0);
        }
        Map<String, MissedCriterion> missed = new LinkedHashMap<>();
        long total = 0;
        for (Scored s : scored) {
            total += s.report().score();
            distribution.merge(s.report().band(), 1, Integer::sum);
            for (CriterionResult c : s.report().missed()) {
                missed.merge(c.id(), new MissedCriterion(c.id(), c.label(), c.hint(), 1),
                        (a, b) -> new MissedCriterion(a.id(), a.label(), a.hint(), a.count() + 1));
            }
        }
        List<RecordScore> lowest = scored.stream()
                .map(s -> new RecordScore(s.record().id(), s.record().title(), s.report().score(),
                        s.report().band()))
                .sorted(Comparator.comparingInt(RecordScore::score).thenComparing(RecordScore::id))
                .limit(LOWEST).toList();
        List<MissedCriterion> mostMissed = missed.values().stream()
                .sorted(Comparator.comparingInt(MissedCriterion::count).reversed()).toList();
        int average = (int) Math.round((double) total / scored.size());
        return new OrganisationQuality(name, slug(name), scored.size(), average, distribution, lowest, mostMissed);
    }

    private record Scored(CatalogRecord record, QualityReport report) {
    }
}
