package fr.mel.opale.access.mail;

/**
 * The mails of the account flows. Each names its texts in {@code i18n/mails*.properties}: {@code <key>.subject},
 * {@code <key>.body} (paragraphs separated by blank lines; {0} is the person's name) and, for those with a link,
 * {@code <key>.action} (the link's text).
 */
public enum AccountMail {
    /** After a sign-up: the link that verifies the address. */
    VERIFY("verify", true),
    /** A sign-up with an address that already has an account: no second account, a reminder instead. */
    ALREADY_REGISTERED("already", true),
    /** The link to choose a new password. */
    RESET("reset", true),
    /** Sent to a new address: the link that confirms the change. */
    CONFIRM_CHANGE("change", true),
    /** Sent to the old address once the change is done. */
    EMAIL_CHANGED("changed", false),
    /** The password was changed or reset. */
    PASSWORD_CHANGED("password", false),
    /** A provider login asks to be linked to the account: the link proves the mailbox, in the same browser. */
    LINK_IDENTITY("link", true);

    private final String key;
    private final boolean hasLink;

    AccountMail(String key, boolean hasLink) {
        this.key = key;
        this.hasLink = hasLink;
    }

    String key() {
        return key;
    }

    boolean hasLink() {
        return hasLink;
    }
}
