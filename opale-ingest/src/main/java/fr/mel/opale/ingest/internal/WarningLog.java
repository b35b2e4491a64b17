package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.ReadWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Warnings of one pass, bounded: the first few of each code in detail, then one summary per code with the count
 * of the others, so a file with a million bad cells yields a readable report, not a million lines.
 */
final class WarningLog {
    private final int perCode;
    private final List<ReadWarning> kept = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    WarningLog(int perCode) {
        this.perCode = perCode;
    }

    void add(String code, String message, @Nullable Long row, @Nullable String column) {
        long count = counts.merge(code, 1L, Long::sum);
        if (count <= perCode) {
            kept.add(new ReadWarning(code, message, row, column));
        }
    }

    void add(String code, String message) {
        add(code, message, null, null);
    }

    /**
     * Adds the other log's warnings of these codes, in their order, as if they had been added here: what a log
     * kept by one pass would have held of the warnings another pass also raises.
     */
    void addAll(WarningLog other, java.util.Set<String> codes) {
        for (ReadWarning w : other.kept) {
            if (codes.contains(w.code())) {
                long count = counts.merge(w.code(), 1L, Long::sum);
                if (count <= perCode) {
                    kept.add(w);
                }
            }
        }
        other.counts.forEach((code, count) -> {
            if (codes.contains(code)) {
                long keptOfCode = other.kept.stream().filter(w -> w.code().equals(code)).count();
                counts.merge(code, count - keptOfCode, Long::sum);
            }
        });
    }

    /** Forgets every warning of this code, as if none had been added. */
    void forget(String code) {
        kept.removeIf(w -> w.code().equals(code));
        counts.remove(code);
    }

    long count(String code) {
        return counts.getOrDefault(code, 0L);
    }

    List<ReadWarning> list() {
        List<ReadWarning> all = new ArrayList<>(kept);
        counts.forEach((code, count) -> {
            if (count > perCode) {
                all.add(ReadWarning.of(code, "… et " + (count - perCode) + " autre(s) avertissement(s) du même type ("
                        + count + " en tout)."));
            }
        });
        return all;
    }
}
