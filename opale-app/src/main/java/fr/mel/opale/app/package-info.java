/**
 * The assembly: boots every module as one Spring Boot application, with the embedded defaults (H2 under the data
 * directory), the settings contract of DESIGN.md and the demo catalog.
 */
@NullMarked
package fr.mel.opale.app;

import org.jspecify.annotations.NullMarked;
