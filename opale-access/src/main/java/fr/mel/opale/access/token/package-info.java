/**
 * Personal API tokens: an account's long random secrets sent as {@code Authorization: Bearer opale_...} (RFC 6750) by
 * scripts and applications instead of its password. Issued, listed and revoked by {@link ApiTokens}; only their
 * SHA-256 is stored. A request carrying a token acts as the token's account: what it may do is still decided by
 * {@link fr.mel.opale.access.AccessPolicy}, exactly as for a password.
 */
@NullMarked
package fr.mel.opale.access.token;

import org.jspecify.annotations.NullMarked;
