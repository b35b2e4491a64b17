package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;

/**
 * One test a rule applies to a record. The library is closed (a sealed interface) and each type is registered by
 * name in {@link CheckTypes}, which also validates its parameters when the rule file is read: a check that exists
 * is always well-formed. New criteria combine these types in the rule file; they never need code.
 *
 * <p>Implementations are immutable and thread-safe. {@link #test} may throw on an unexpected record; the scorer
 * then marks the criterion unknown.
 */
public sealed interface Check permits FieldPresent, TextLength, ValueInList, ThesaurusKeyword, ContactEmail,
        UpToDate, TemporalExtentPresent, SpatialExtentPresent, HasDistribution, HasPreview, LineagePresent,
        ResourcesDescribed, AnyOf, AllOf {

    /**
     * @param today the day the score is computed (freshness checks compare dates with it)
     * @return whether the record meets the check
     */
    boolean test(CatalogRecord record, LocalDate today);
}
