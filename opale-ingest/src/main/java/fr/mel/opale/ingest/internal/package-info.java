/** Format readers, sniffing, type inference and geometry handling behind {@link fr.mel.opale.ingest.TableReader}. */
@NullMarked
package fr.mel.opale.ingest.internal;

import org.jspecify.annotations.NullMarked;
