package fr.mel.opale.testing;

import java.util.List;

/**
 * A person who can sign in to one realm of the test Keycloak, as the realm file declares them. {@code subject} is
 * the {@code sub} claim the provider sends (fixed in the realm file, so stable from one start to the next).
 * {@code email} is null for a person the provider knows no address of; {@code emailVerified} is what the provider's
 * {@code email_verified} says (MEL and FranceConnect; ProConnect sends no such claim: its agents' professional
 * addresses are vouched for by their administration, true here). Every user has the same password,
 * {@link #PASSWORD}.
 *
 * @param groups MEL's directory groups ({@code groups} claim), empty elsewhere
 * @param siret  the establishment's SIRET ({@code siret} claim, ProConnect), null elsewhere
 */
public record KeycloakUser(KeycloakRealm realm, String username, String subject, String givenName, String familyName,
                           String email, boolean emailVerified, List<String> groups, String siret) {
    public static final String PASSWORD = "opale-essai-2026";

    /** MEL agent of the IT directorate, also in the GIS group; verified address. */
    public static final KeycloakUser MEL_AGENT = mel("claire.dubois", "01", "Claire", "Dubois",
            "claire.dubois@lillemetropole.fr", true, "MEL_DSI", "MEL_SIG");
    /** Agent of the commune of Lambersart (group {@code EL_LAMBERSART}); verified address. */
    public static final KeycloakUser MEL_COMMUNE_AGENT = mel("marc.lefebvre", "02", "Marc", "Lefebvre",
            "m.lefebvre@ville-lambersart.fr", true, "EL_LAMBERSART");
    /** Agent of Roubaix whose address the directory has not verified. */
    public static final KeycloakUser MEL_UNVERIFIED_EMAIL = mel("sophie.vandenberghe", "03", "Sophie",
            "Vandenberghe", "sophie.vandenberghe@ville-roubaix.fr", false, "EL_ROUBAIX");
    /** Agent without an address and without groups. */
    public static final KeycloakUser MEL_NO_EMAIL = mel("jean.delattre", "04", "Jean", "Delattre", null, false);

    /** Citizen with a verified address (born 1988-03-14, {@code gender} female). */
    public static final KeycloakUser FC_CITIZEN = franceConnect("camille.roussel", "01", "Camille", "Roussel",
            "camille.roussel@courriel.fr", true);
    /** Citizen whose address is not verified. */
    public static final KeycloakUser FC_UNVERIFIED_EMAIL = franceConnect("theo.lambert", "02", "Théo", "Lambert",
            "theo.lambert@courriel.fr", false);
    /** Citizen without an address. */
    public static final KeycloakUser FC_NO_EMAIL = franceConnect("louise.garnier", "03", "Louise", "Garnier",
            null, false);

    /** MEL agent (SIRET of MEL's head office, SIREN 200093201). */
    public static final KeycloakUser PC_MEL_AGENT = proConnect("amelie.fontaine", "01", "Amélie", "Fontaine",
            "amelie.fontaine@lillemetropole.fr", "20009320100016");
    /** Agent of the commune of Lambersart (a SIRET of the communes' form: 21 + INSEE code 59328, Luhn-valid). */
    public static final KeycloakUser PC_COMMUNE_AGENT = proConnect("karim.benali", "02", "Karim", "Benali",
            "k.benali@ville-lambersart.fr", "21593280700013");

    public String password() {
        return PASSWORD;
    }

    private static KeycloakUser mel(String username, String number, String givenName, String familyName,
                                    String email, boolean verified, String... groups) {
        return new KeycloakUser(KeycloakRealm.MEL, username, "3a9d1c5e-7b2f-4e60-8d14-2c3b4a5d6e" + number,
                givenName, familyName, email, verified, List.of(groups), null);
    }

    private static KeycloakUser franceConnect(String username, String number, String givenName, String familyName,
                                              String email, boolean verified) {
        return new KeycloakUser(KeycloakRealm.FRANCECONNECT, username, "5f0e6a2c-3b1d-4c8e-9a47-1d2b3c4d5e" + number,
                givenName, familyName, email, verified, List.of(), null);
    }

    private static KeycloakUser proConnect(String username, String number, String givenName, String familyName,
                                           String email, String siret) {
        return new KeycloakUser(KeycloakRealm.PROCONNECT, username, "0b7c2d4e-6f80-4a1b-9c3d-5e6f7a8b9c" + number,
                givenName, familyName, email, true, List.of(), siret);
    }
}
