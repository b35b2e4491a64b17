package fr.mel.opale.thesaurus;

/**
 * Published, inside the write transaction, after a thesaurus was imported, replaced or deleted. Listeners that
 * re-index records use {@code @TransactionalEventListener} (after commit): by then {@link Thesauri} already answers
 * from the new content (its own refresh runs first).
 */
public record ThesaurusChanged(String thesaurusId) {
}
