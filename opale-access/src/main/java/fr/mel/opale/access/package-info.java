/**
 * Access: identities, local accounts, roles and the single policy decision point ({@link fr.mel.opale.access.AccessPolicy})
 * that every read and write of the platform asks before acting.
 *
 * <p>Until organisations and grants arrive, the policy is: public records are readable by everyone,
 * restricted ones by platform administrators only, and every write needs a platform administrator.
 */
@NullMarked
package fr.mel.opale.access;

import org.jspecify.annotations.NullMarked;
