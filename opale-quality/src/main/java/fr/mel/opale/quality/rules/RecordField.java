package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.GraphicOverview;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.OnlineResource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The record fields a rule file may name, and the texts each gives to a check. A closed vocabulary on purpose: rule
 * files name these, never Java properties, so the model can change without breaking configurations, and a typo is
 * an error at start rather than a criterion that is silently never met.
 *
 * <p>Every field gives a list of non-blank texts (empty when absent). Multilingual texts give their main-language
 * text; links give their label and their URI.
 */
public enum RecordField {
    TITLE("title", r -> texts(r.title().text())),
    DESCRIPTION("description", r -> texts(r.description().text())),
    KEYWORDS("keywords", r -> r.keywords().stream().map(k -> k.label().text()).filter(Objects::nonNull).toList()),
    /** The titles and URIs of the thesauri the keywords come from. */
    KEYWORD_THESAURI("keywords.thesaurus", r -> r.keywords().stream().map(Keyword::thesaurus).filter(Objects::nonNull)
            .flatMap(t -> Stream.of(t.title(), t.uri())).filter(Objects::nonNull).distinct().toList()),
    TOPIC_CATEGORIES("topicCategories", CatalogRecord::topicCategories),
    PUBLISHER("publisher", r -> r.publisher() == null ? List.of() : texts(r.publisher().name())),
    PUBLISHER_EMAIL("publisher.email", r -> r.publisher() == null ? List.of() : texts(r.publisher().email())),
    CONTACTS("contacts", r -> r.contacts().stream().map(Contact::displayName).filter(Objects::nonNull).toList()),
    CONTACTS_EMAIL("contacts.email", r -> r.contacts().stream().map(Contact::email).filter(Objects::nonNull).toList()),
    CONTACTS_ORGANISATION("contacts.organisation",
            r -> r.contacts().stream().map(Contact::organisationName).filter(Objects::nonNull).toList()),
    LICENCE("licence", r -> linked(r.licence() == null ? List.of() : List.of(r.licence()))),
    ACCESS_CONSTRAINTS("accessConstraints", CatalogRecord::accessConstraints),
    USE_LIMITATIONS("useLimitations", CatalogRecord::useLimitations),
    OTHER_CONSTRAINTS("otherConstraints", r -> linked(r.otherConstraints())),
    /** Where conditions of use are written: the licence, the use limitations and the other constraints. */
    USE_CONDITIONS("useConditions", r -> concat(LICENCE.values(r), r.useLimitations(), linked(r.otherConstraints()))),
    /** Any legal constraint: licence, access constraints, use limitations, other constraints. */
    LEGAL_CONSTRAINTS("legalConstraints", r -> concat(LICENCE.values(r), r.accessConstraints(), r.useLimitations(),
            linked(r.otherConstraints()))),
    UPDATE_FREQUENCY("updateFrequency", r -> texts(r.updateFrequency())),
    STATUS("status", r -> texts(r.status())),
    LANGUAGE("language", r -> texts(r.language())),
    RESOURCE_LANGUAGES("resourceLanguages", CatalogRecord::resourceLanguages),
    DATE_CREATED("dates.created", r -> date(r.dates().created())),
    DATE_PUBLISHED("dates.published", r -> date(r.dates().published())),
    DATE_REVISED("dates.revised", r -> date(r.dates().revised())),
    METADATA_DATE("metadataDate", r -> r.metadataDate() == null ? List.of() : List.of(r.metadataDate().toString())),
    TEMPORAL_EXTENT("temporalExtent", r -> r.temporalExtent() == null ? List.of()
            : concat(date(r.temporalExtent().start()), date(r.temporalExtent().end()))),
    SPATIAL_EXTENT("spatialExtent", r -> concat(box(r.spatialExtent().bbox()), texts(r.spatialExtent().geometry()),
            r.spatialExtent().places())),
    REFERENCE_SYSTEMS("referenceSystems", CatalogRecord::referenceSystems),
    SCALES("scaleDenominators", r -> r.scaleDenominators().stream().map(String::valueOf).toList()),
    LINEAGE("lineage", r -> texts(r.lineage().text())),
    ONLINE_RESOURCES("onlineResources", r -> r.onlineResources().stream().map(OnlineResource::url).toList()),
    FORMATS("formats", r -> r.formats().stream().map(Format::name).toList()),
    OVERVIEWS("overviews", r -> r.overviews().stream().map(GraphicOverview::url).toList()),
    RELATED_RECORDS("relatedRecords", r -> r.relatedRecords().stream()
            .map(rel -> Optional.ofNullable(rel.identifier()).or(() -> Optional.ofNullable(rel.uri()))
                    .orElse(rel.title()))
            .filter(Objects::nonNull).toList()),
    RESOURCE_IDENTIFIERS("resourceIdentifiers", CatalogRecord::resourceIdentifiers),
    SERVICE_TYPE("service.type", r -> r.service() == null ? List.of() : texts(r.service().serviceType()));

    private final String key;
    private final Function<CatalogRecord, List<String>> extractor;

    RecordField(String key, Function<CatalogRecord, List<String>> extractor) {
        this.key = key;
        this.extractor = extractor;
    }

    /** The name rule files use. */
    public String key() {
        return key;
    }

    /** The field's texts in {@code record}; empty when absent, never null, never blank entries. */
    public List<String> values(CatalogRecord record) {
        return extractor.apply(record).stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    public static Optional<RecordField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** Every key, for error messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(RecordField::key).toList();
    }

    private static List<String> texts(@Nullable String text) {
        return text == null ? List.of() : List.of(text);
    }

    private static List<String> date(@Nullable LocalDate date) {
        return date == null ? List.of() : List.of(date.toString());
    }

    private static List<String> box(@Nullable BoundingBox box) {
        return box == null ? List.of() : List.of(box.west() + "," + box.south() + "," + box.east() + "," + box.north());
    }

    private static List<String> linked(List<LinkedText> texts) {
        return texts.stream().flatMap(t -> Stream.of(t.text(), t.uri())).filter(Objects::nonNull).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
