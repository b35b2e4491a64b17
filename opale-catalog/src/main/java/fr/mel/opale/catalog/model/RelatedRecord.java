package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/**
 * Another record this one points to.
 *
 * @param identifier  the other record's identifier, when known
 * @param uri         a link to it (xlink:href), when known
 * @param association {@code parent}, {@code operatesOn} (a service's data), {@code featureCatalogue},
 *                    {@code source}, or an ISO DS_AssociationTypeCode (crossReference, largerWorkCitation, ...)
 */
public record RelatedRecord(@Nullable String identifier, @Nullable String uri, @Nullable String title,
                            String association) {
    public static final String PARENT = "parent";
    public static final String OPERATES_ON = "operatesOn";
    public static final String FEATURE_CATALOGUE = "featureCatalogue";

    public RelatedRecord {
        identifier = Strings.trimToNull(identifier);
        uri = Strings.trimToNull(uri);
        title = Strings.trimToNull(title);
        association = Strings.trimToNull(association);
        if (association == null) {
            association = "crossReference";
        }
    }
}
