package fr.mel.opale.data;

/**
 * A dataset found by slug.
 *
 * @param moved true when the slug asked for is a former slug of the dataset (renamed): answer with a redirect to
 *              {@code dataset.slug()}
 */
public record ResolvedSlug(Dataset dataset, boolean moved) {
}
