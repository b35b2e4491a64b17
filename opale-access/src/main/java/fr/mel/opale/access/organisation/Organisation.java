package fr.mel.opale.access.organisation;

import org.jspecify.annotations.Nullable;

/**
 * A producer of data: MEL, a directorate, a commune, a partner.
 *
 * @param slug      stable name (lower case, digits, hyphens), what records, grants and claim rules refer to
 * @param name      what it is called on screen
 * @param inseeCode the commune's official code (5 characters) for communes; null otherwise
 * @param parent    slug of the parent organisation; null at the top
 */
public record Organisation(long id, String slug, String name, @Nullable String inseeCode, @Nullable String parent) {
}
