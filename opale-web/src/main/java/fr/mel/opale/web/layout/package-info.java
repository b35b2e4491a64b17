/** The page frame shared by every template: PageContext (language, labels, user, CSRF, current address), the language switch and the link checks. */
@NullMarked
package fr.mel.opale.web.layout;

import org.jspecify.annotations.NullMarked;
