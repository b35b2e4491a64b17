package fr.mel.opale.access.account;

/**
 * The pages the account mails link to ({@code <public URL><path>?jeton=<secret>}). opale-web serves them; they are
 * named here because the mails are written here.
 */
public final class AccountPaths {
    /** Confirms the address of a new account. */
    public static final String VERIFY = "/inscription/confirmation";
    /** Chooses a new password. */
    public static final String RESET = "/mot-de-passe/nouveau";
    /** Confirms a new address. */
    public static final String CONFIRM_CHANGE = "/compte/adresse/confirmation";
    /** The parameter carrying the link's secret. */
    public static final String TOKEN = "jeton";

    private AccountPaths() {
    }
}
