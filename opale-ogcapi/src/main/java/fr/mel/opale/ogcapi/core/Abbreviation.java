package fr.mel.opale.ogcapi.core;

/** Echoes user input in error messages without letting a huge value make a huge message. */
public final class Abbreviation {
    private Abbreviation() {
    }

    public static String of(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
