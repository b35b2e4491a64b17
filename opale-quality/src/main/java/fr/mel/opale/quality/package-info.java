/**
 * Metadata quality: a score from 0 to 100 for every catalog record, with the list of criteria met and missed and a
 * hint for each, computed from rules set in configuration (see {@link fr.mel.opale.quality.rules}), never in code.
 *
 * <p>API for other modules: {@link fr.mel.opale.quality.QualityScores} (a record's stored report, the band of a
 * score), {@link fr.mel.opale.quality.QualityDashboard} (per-organisation statistics) and the
 * {@link fr.mel.opale.quality.QualityRescored} event. The rest is in {@code internal} and {@code api}.
 */
@NullMarked
package fr.mel.opale.quality;

import org.jspecify.annotations.NullMarked;
