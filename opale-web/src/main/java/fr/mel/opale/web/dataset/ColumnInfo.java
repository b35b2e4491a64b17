package fr.mel.opale.web.dataset;

/**
 * One column as the presentation lists it: its title in the file, its identifier (what filters and the API use), its
 * type, and the description and unit of the attached Table Schema's field of that name (empty when none).
 */
public record ColumnInfo(String name, String title, String typeKey, String description, String unit) {
}
