package fr.mel.opale.access.account;

/**
 * The pages the account mails link to ({@code <public URL><path>?jeton=<secret>}). opale-web serves them; they are
 * named here because the mails are written here.
 */
public final class AccountPaths {
    /** Confirms the address of a new account. */
    public static final String VERIFY = "/inscription/confirmation";
    /** The mailed proof of an account, to link a provider identity to it (same browser, 10 minutes). */
    public static final String LINK_IDENTITY = "/connexion/liaison/confirmation";
    /** Chooses a new password. */
    public static final String RESET = "/mot-de-passe/nouveau";
    /** Confirms a new address. */
    public static final String CONFIRM_CHANGE = "/compte/adresse/confirmation";
    /** The parameter carrying the link's secret. */
    public static final String TOKEN = "jeton";

    private AccountPaths() {
    }
}
