package fr.mel.opale.web.admin;

/** One option of a select on the import pages: its value and its label. */
public record ImportChoice(String value, String label) {
}
