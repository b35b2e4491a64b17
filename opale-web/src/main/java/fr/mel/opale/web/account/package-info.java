/** Account pages: the login form (Spring Security in opale-access does the authentication), personal API tokens. */
@NullMarked
package fr.mel.opale.web.account;

import org.jspecify.annotations.NullMarked;
