package fr.mel.opale.catalog.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The period the data covers; either end may be open (null). */
public record TemporalExtent(@Nullable LocalDate start, @Nullable LocalDate end) {
}
