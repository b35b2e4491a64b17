package fr.mel.opale.catalog.ownership;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** How publisher and organisation names are compared: without case, accents, punctuation or a town hall's prefix. */
final class PublisherNames {
    /** What ISO records put before a commune's name: "Ville de Lille", "Mairie d'Halluin", "Commune de Seclin". */
    private static final List<String> TOWN_PREFIXES = List.of("ville de ", "ville d ", "mairie de ", "mairie d ",
            "commune de ", "commune d ");

    private PublisherNames() {
    }

    /** "Ville d'Armentières" and "VILLE D ARMENTIERES" give the same key: "ville d armentieres". */
    static String normalised(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "OE").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The key, and the keys a town hall's records give for an organisation of that name. */
    static List<String> keysOf(String organisationName) {
        String key = normalised(organisationName);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(key),
                TOWN_PREFIXES.stream().map(prefix -> prefix + key)).toList();
    }
}
