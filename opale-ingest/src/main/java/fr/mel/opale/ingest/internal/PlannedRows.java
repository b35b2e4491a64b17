package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.ReadCancelled;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.ReadSummary;
import fr.mel.opale.ingest.Row;
import fr.mel.opale.ingest.RowStream;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The read pass shared by every format: raw records in, typed rows out, as the plan says. A cell that does not
 * fit its column's type (possible only when the producer forced a type, or the file changed since the analysis)
 * becomes null and is reported, never an error.
 */
final class PlannedRows implements RowStream {
    private static final int CHECK_EVERY = 1024;

    private final RecordSource source;
    private final List<ColumnPlan> columns;
    private final int[] sources;
    private final ColumnType[] types;
    private final char[] marks;
    private final @Nullable GeometryMaker geometry;
    private final WarningLog log;
    private final ReadListener listener;
    private final java.util.function.LongFunction<String> where;
    private long rows;
    private long rejectedValues;
    private final Runnable atEnd;
    private boolean done;
    private @Nullable KeptCells kept;
    private long[] rejectedByColumn;

    PlannedRows(RecordSource source, ReadPlan plan, WarningLog log, ReadListener listener) {
        this(source, plan, log, listener, () -> { });
    }

    /** @param atEnd adds the warnings only known once the whole file has been read */
    PlannedRows(RecordSource source, ReadPlan plan, WarningLog log, ReadListener listener, Runnable atEnd) {
        this.source = source;
        this.atEnd = atEnd;
        this.columns = plan.outputColumns();
        this.log = log;
        this.listener = listener;
        this.where = line -> AnalysisBuilder.where(plan.settings(), line);
        int n = columns.size();
        sources = new int[n];
        types = new ColumnType[n];
        marks = new char[n];
        rejectedByColumn = new long[n];
        for (int i = 0; i < n; i++) {
            ColumnPlan c = columns.get(i);
            sources[i] = c.source();
            types[i] = c.type();
            marks[i] = c.decimalSeparator() == null ? '.' : c.decimalSeparator();
        }
        geometry = plan.geometry() == null ? null : new GeometryMaker(plan.geometry(), plan.columns(), log, where);
    }

    @Override
    public List<ColumnPlan> columns() {
        return columns;
    }

    /** Keeps, from now on, what a widening of the output columns at the end would need (a speculative read). */
    void keepCells(KeptCells cells) {
        this.kept = cells;
    }

    /** Cells of this output column that did not fit its type. */
    long rejected(int column) {
        return rejectedByColumn[column];
    }

    /**
     * Forgets the cells reported as not fitting their type: the columns they were in have been widened to take them
     * (the caller checked that every one was in such a column).
     */
    void forgetRejections() {
        rejectedValues = 0;
        java.util.Arrays.fill(rejectedByColumn, 0);
        log.forget("value-rejected");
    }

    @Override
    public @Nullable Row next() {
        if (done) {
            return null;
        }
        if ((rows % CHECK_EVERY) == 0) {
            if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
                throw new ReadCancelled(rows);
            }
            listener.progress(rows);
        }
        try {
            if (!source.next()) {
                done = true;
                atEnd.run();
                listener.progress(rows);
                return null;
            }
        } catch (IOException e) {
            throw new UnreadableFile("read-error", "Erreur de lecture du fichier : " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UnreadableFile("read-error", "Erreur de lecture du fichier : " + e.getCause().getMessage(), e);
        }
        rows++;
        Object[] values = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            Object raw = source.cell(sources[i]);
            if (raw != null) {
                values[i] = convert(raw, i);
            }
        }
        Geometry g = geometry == null ? null : geometry.make(source);
        return new Row(rows, source.line(), values, g);
    }

    private @Nullable Object convert(Object raw, int i) {
        ColumnType type = types[i];
        if (raw instanceof String s) {
            if (s.isEmpty()) {
                return null;
            }
            if (type == ColumnType.TEXT) {
                return s;
            }
            String t = s.strip();
            if (CellText.isNullMarker(t)) {
                if (kept != null) {
                    kept.keep(rows, i, type, s);
                }
                return null;
            }
            Object value = parse(t, type, marks[i]);
            if (value == null) {
                if (kept != null) {
                    kept.keep(rows, i, type, s);
                }
                reject(s, i);
            } else if (kept != null) {
                kept.held(i, type, s);
            }
            return value;
        }
        Object value = retype(raw, type);
        if (value == null) {
            reject(raw.toString(), i);
        }
        return value;
    }

    static @Nullable Object parse(String t, ColumnType type, char mark) {
        return switch (type) {
            case TEXT -> t;
            case INTEGER -> CellText.parseInteger(t, mark);
            case DECIMAL -> CellText.parseDecimal(t, mark);
            case BOOLEAN -> CellText.parseBoolean(t);
            case DATE -> CellText.parseTemporal(t) instanceof LocalDate d ? d : null;
            case TIMESTAMP -> {
                Object v = CellText.parseTemporal(t);
                yield v instanceof LocalDate d ? d.atStartOfDay(CellText.LOCAL_ZONE).toOffsetDateTime() : v;
            }
        };
    }

    /** A value the format typed, as the column's type; null when it cannot be. */
    static @Nullable Object retype(Object raw, ColumnType type) {
        switch (type) {
            case TEXT:
                return ColumnStats.canonical(raw);
            case INTEGER:
                if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                    return ((Number) raw).longValue();
                }
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) < 1e18) {
                    return n.longValue();
                }
                break;
            case DECIMAL:
                if (raw instanceof Number n) {
                    return Decimals.of(n);
                }
                break;
            case BOOLEAN:
                if (raw instanceof Boolean) {
                    return raw;
                }
                if (raw instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
                    return n.doubleValue() == 1;
                }
                break;
            case DATE:
                if (raw instanceof LocalDate) {
                    return raw;
                }
                break;
            case TIMESTAMP:
                if (raw instanceof OffsetDateTime) {
                    return raw;
                }
                if (raw instanceof LocalDateTime t) {
                    return t.atZone(CellText.LOCAL_ZONE).toOffsetDateTime();
                }
                if (raw instanceof LocalDate d) {
                    return d.atStartOfDay(CellText.LOCAL_ZONE).toOffsetDateTime();
                }
                break;
            default:
                break;
        }
        return parse(raw.toString().strip(), type, '.');
    }

    private void reject(String value, int i) {
        rejectedValues++;
        rejectedByColumn[i]++;
        ColumnPlan c = columns.get(i);
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        log.add("value-rejected", "Valeur « " + shown + " » de la colonne « " + c.label() + " » ("
                + where.apply(source.line()) + ") : pas du type " + AnalysisBuilder.label(c.type()) + ", lue comme vide.",
                source.line(), c.label());
    }

    @Override
    public ReadSummary summary() {
        return new ReadSummary(rows, geometry == null ? 0 : geometry.present, geometry == null ? 0 : geometry.missing,
                geometry == null ? 0 : geometry.repaired, geometry == null ? 0 : geometry.rejected, rejectedValues,
                geometry == null ? null : geometry.bbox(), log.list());
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
