package fr.mel.opale.quality;

/**
 * A text in French (the platform's language, always present) and English (falls back to French when the rule file
 * gives none).
 */
public record Bilingual(String fr, String en) {
    public Bilingual {
        if (fr == null || fr.isBlank()) {
            throw new IllegalArgumentException("Un texte français est obligatoire");
        }
        en = en == null || en.isBlank() ? fr : en;
    }

    /** The English text for {@code en}, the French one for any other language. */
    public String in(String language) {
        return "en".equals(language) ? en : fr;
    }
}
