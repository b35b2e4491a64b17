/**
 * Front-end assets: the fingerprinted modules Vite builds ({@code /assets/**}, immutable for a year, pre-compressed
 * brotli/gzip variants served to browsers that accept them) and the names templates use for them ({@link Assets}).
 */
@NullMarked
package fr.mel.opale.web.assets;

import org.jspecify.annotations.NullMarked;
