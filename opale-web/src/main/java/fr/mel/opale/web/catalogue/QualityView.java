package fr.mel.opale.web.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A record's quality score made ready for its page: the score, its band (label and CSS class suffix) and the
 * criteria in the page's language.
 *
 * @param band lower-case band name for the CSS class ({@code insufficient}, {@code fair}, {@code good},
 *             {@code excellent}); the label says the same in words, so colour is never the only cue
 */
public record QualityView(int score, String bandLabel, String band, int met, List<Criterion> criteria) {
    /**
     * @param met  true, false, or null when the criterion could not be evaluated
     * @param hint how to meet the criterion; shown for missed ones
     */
    public record Criterion(String id, String label, @Nullable Boolean met, String weight, String hint) {
        public boolean missed() {
            return Boolean.FALSE.equals(met);
        }

        public boolean unknown() {
            return met == null;
        }
    }
}
