package fr.mel.opale.access.account;

import fr.mel.opale.access.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An account action refused: a status, a stable code (the problem's type, and the key pages translate), a French
 * detail, and for forms the code of what is wrong with each field ({@code email} → {@code email-invalid}).
 * Nothing was written when it is thrown.
 */
public class AccountProblem extends Problem {
    private final String code;
    private final Map<String, String> fields;

    private AccountProblem(HttpStatusCode status, String code, String title, String detail, Map<String, String> fields) {
        super(status, code, title, detail);
        this.code = code;
        this.fields = Map.copyOf(fields);
        if (!fields.isEmpty()) {
            getBody().setProperty("champs", this.fields);
        }
    }

    /** The stable code, e.g. {@code lien-invalide}. */
    public String code() {
        return code;
    }

    /** Field name → problem code, for forms; empty when the problem is not about a field. */
    public Map<String, String> fields() {
        return fields;
    }

    public static AccountProblem invalid(Map<String, String> fields) {
        return new AccountProblem(HttpStatus.BAD_REQUEST, "formulaire-invalide", "Formulaire incomplet ou invalide",
                "Corrigez les champs signalés : " + String.join(", ", fields.values()) + ".",
                new LinkedHashMap<>(fields));
    }

    /** A provider login waiting to be linked is gone: too old, or never started in this browser. */
    public static AccountProblem noPendingLink() {
        return new AccountProblem(HttpStatus.BAD_REQUEST, "liaison-expiree", "Liaison expirée",
                "Aucune liaison n'est en attente (ou elle a expiré) : connectez-vous de nouveau avec le fournisseur.",
                Map.of());
    }

    /** Unlinking the identity would leave the account without any way in. */
    public static AccountProblem lastWayIn() {
        return new AccountProblem(HttpStatus.CONFLICT, "dernier-acces", "Dernier moyen de connexion",
                "Cette identité est votre seul moyen de connexion : définissez d'abord un mot de passe ou liez une "
                        + "autre identité.", Map.of());
    }

    public static AccountProblem lastPasskey() {
        return new AccountProblem(HttpStatus.CONFLICT, "derniere-cle", "Dernier moyen de connexion",
                "Cette clé d'accès est votre seul moyen de connexion : définissez d'abord un mot de passe ou liez une "
                        + "identité.", Map.of());
    }

    public static AccountProblem passkeyNotFound() {
        return new AccountProblem(HttpStatus.NOT_FOUND, "cle-introuvable", "Clé d'accès introuvable",
                "Aucune de vos clés d'accès ne porte ce numéro.", Map.of());
    }

    public static AccountProblem invalidLink() {
        return new AccountProblem(HttpStatus.BAD_REQUEST, "lien-invalide", "Lien inutilisable",
                "Ce lien est inconnu, a expiré ou a déjà servi. Demandez-en un nouveau.", Map.of());
    }

    public static AccountProblem signUpClosed() {
        return new AccountProblem(HttpStatus.SERVICE_UNAVAILABLE, "inscription-fermee", "Inscription indisponible",
                "L'inscription par courriel est fermée : la plateforme n'a pas de serveur de courriel.", Map.of());
    }

    public static AccountProblem tooManySignUps() {
        return new AccountProblem(HttpStatus.TOO_MANY_REQUESTS, "trop-d-inscriptions", "Trop d'inscriptions",
                "Trop d'inscriptions depuis votre adresse réseau : réessayez dans une heure.", Map.of());
    }

    public static AccountProblem emailTaken() {
        return new AccountProblem(HttpStatus.CONFLICT, "adresse-prise", "Adresse déjà utilisée",
                "Cette adresse est déjà celle d'un autre compte : elle n'a pas été changée.", Map.of());
    }

    public static AccountProblem lastAdministrator() {
        return new AccountProblem(HttpStatus.CONFLICT, "dernier-administrateur", "Dernier administrateur",
                "C'est le dernier compte administrateur de la plateforme : nommez-en un autre d'abord.", Map.of());
    }

    public static AccountProblem notFound() {
        return new AccountProblem(HttpStatus.NOT_FOUND, "personne-introuvable", "Compte introuvable",
                "Aucun compte de ce numéro.", Map.of());
    }

    public static AccountProblem selfAdministration() {
        return new AccountProblem(HttpStatus.CONFLICT, "soi-meme", "Action sur votre propre compte",
                "Vous ne pouvez pas désactiver votre propre compte ni vous retirer le rôle d'administrateur.", Map.of());
    }
}
