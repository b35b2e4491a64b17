package fr.mel.opale.quality;

/**
 * Score bands, for facets, badges and the dashboard. Stored and indexed by name: never rename a constant.
 * Bounds: INSUFFICIENT below 40, FAIR 40–69, GOOD 70–89, EXCELLENT 90 and above.
 */
public enum QualityBand {
    INSUFFICIENT(0, "Insuffisante", "Insufficient"),
    FAIR(40, "Passable", "Fair"),
    GOOD(70, "Bonne", "Good"),
    EXCELLENT(90, "Excellente", "Excellent");

    private final int from;
    private final Bilingual label;

    QualityBand(int from, String fr, String en) {
        this.from = from;
        this.label = new Bilingual(fr, en);
    }

    /** The lowest score of the band. */
    public int from() {
        return from;
    }

    /** The highest score of the band. */
    public int to() {
        return this == EXCELLENT ? 100 : values()[ordinal() + 1].from - 1;
    }

    public Bilingual label() {
        return label;
    }

    public String label(String language) {
        return label.in(language);
    }

    /** The band of a score; scores outside 0–100 are clamped. */
    public static QualityBand of(int score) {
        QualityBand band = INSUFFICIENT;
        for (QualityBand candidate : values()) {
            if (score >= candidate.from) {
                band = candidate;
            }
        }
        return band;
    }
}
