package fr.mel.opale.ingest.internal;

import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnNames;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.ColumnProfile;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.GeometryPlan;
import fr.mel.opale.ingest.GeometrySource;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns what a pass over a file learnt into the {@link Analysis} every format returns. */
final class AnalysisBuilder {
    private AnalysisBuilder() {
    }

    /**
     * @param settings       detected settings (decimal separator and source CRS are filled in here)
     * @param nativeGeometry the format's own geometry plan, or null to guess one from the columns
     */
    static Analysis build(SourceSettings settings, List<String> labels, List<ColumnStats> stats,
                          @Nullable GeometryPlan nativeGeometry, WarningLog log, long rows, ReadOptions options) {
        List<String> names = ColumnNames.unique(labels);
        List<ColumnPlan> columns = new ArrayList<>(labels.size());
        List<ColumnProfile> profiles = new ArrayList<>(labels.size());
        Character decimalSeparator = null;
        for (int i = 0; i < labels.size(); i++) {
            ColumnStats s = stats.get(i);
            ColumnType type = s.type();
            Character mark = s.decimalMark();
            if (mark != null && (decimalSeparator == null || mark == ',')) {
                decimalSeparator = mark;
            }
            boolean declared = s.isDeclared();
            columns.add(new ColumnPlan(i, labels.get(i), names.get(i), type, false, mark, s.dateFormat(), declared));
            profiles.add(new ColumnProfile(labels.get(i), names.get(i), type, s.nulls(), s.distinct().count(),
                    s.distinct().isExact(), s.distinct().samples(), s.min(), s.max()));
            String demoted = s.demotedValue();
            if (demoted != null) {
                log.add("type-demoted", "Colonne « " + labels.get(i) + " » : " + s.conformingBeforeDemotion()
                        + " valeur(s) de type " + label(s.demotedFrom()) + " puis « " + demoted + " » ("
                        + where(settings, s.demotedLine()) + ") : la colonne est lue comme du texte.",
                        s.demotedLine(), labels.get(i));
            }
        }
        GeometryPlan geometry = nativeGeometry;
        if (geometry == null) {
            GeometryGuess.Result guess = GeometryGuess.guess(labels, stats, options.sourceSrid());
            geometry = guess.plan();
            if (guess.warning() != null) {
                log.add("geometry-not-guessed", guess.warning());
            }
            if (geometry != null && geometry.kind() != GeometrySource.XY) {
                int consumed = geometry.columns().get(0);
                columns.set(consumed, columns.get(consumed).withSkip(true));
            }
        }
        if (rows == 0) {
            log.add("empty-table", "Le fichier ne contient aucune ligne de données : seules les colonnes sont connues.");
        }
        if (geometry != null && geometry.srid() != Crs.WGS84 && !Crs.isSupported(geometry.srid())) {
            log.add("unknown-crs", "Système de coordonnées EPSG:" + geometry.srid() + " inconnu : géométrie ignorée.");
            geometry = null;
        }
        SourceSettings resolved = new SourceSettings(settings.format(), settings.encoding(), settings.delimiter(),
                settings.quote(), settings.header(), decimalSeparator, settings.layer(), settings.layers(),
                geometry != null ? Integer.valueOf(geometry.srid()) : settings.sourceSrid());
        ReadPlan plan = new ReadPlan(resolved, columns, geometry).apply(options.overrides());
        return new Analysis(plan, profiles, rows, log.list());
    }

    static String where(SourceSettings settings, long line) {
        return switch (settings.format()) {
            case "csv" -> "ligne " + line;
            case "xlsx" -> "ligne " + line + " de la feuille";
            default -> "enregistrement " + line;
        };
    }

    static String label(@Nullable ColumnType type) {
        if (type == null) {
            return "texte";
        }
        return switch (type) {
            case BOOLEAN -> "booléen";
            case INTEGER -> "entier";
            case DECIMAL -> "décimal";
            case DATE -> "date";
            case TIMESTAMP -> "date et heure";
            case TEXT -> "texte";
        };
    }
}
