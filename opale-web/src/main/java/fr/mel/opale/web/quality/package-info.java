/**
 * The producer dashboard pages: {@code /qualite} (every organisation) and {@code /qualite/{organisation}} (its
 * lowest-scored records and most-missed criteria), over {@link fr.mel.opale.quality.QualityDashboard}.
 */
@NullMarked
package fr.mel.opale.web.quality;

import org.jspecify.annotations.NullMarked;
