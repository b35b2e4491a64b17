package fr.mel.opale.access.oidc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One declared provider ({@code opale.oidc.providers.<id>.*}, or {@code OPALE_OIDC_<ID>_*}).
 *
 * @param id           the registration id: in the callback path, the audit log and {@code external_identity.provider}
 * @param issuer       the issuer; discovery reads {@code <issuer>/.well-known/openid-configuration}
 * @param scopes       always with {@code openid}
 * @param groupsClaim  generic providers: the claim (a.b reads into objects) holding the person's groups, recorded
 *                     as {@code groups} in the identity's claims so that claim rules read one name; null: none
 */
public record ProviderSettings(String id, String issuer, String clientId, String clientSecret, ProviderKind kind,
                               String label, List<String> scopes, @Nullable String groupsClaim) {
    public ProviderSettings {
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        // never the secret
        return "ProviderSettings[id=" + id + ", issuer=" + issuer + ", kind=" + kind.slug() + "]";
    }
}
