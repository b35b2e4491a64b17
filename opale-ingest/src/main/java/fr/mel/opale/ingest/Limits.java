package fr.mel.opale.ingest;

/**
 * Bounds that keep a hostile or broken file from exhausting memory, disk or time.
 *
 * @param maxRecordChars       longest CSV record (quoted line breaks included), in characters
 * @param maxZipEntries        most entries an archive may list
 * @param maxUnzippedBytes     most bytes all read archive members may inflate to, together
 * @param maxCompressionRatio  an archive member inflating beyond this ratio (and beyond 1 MiB) is a zip bomb
 * @param maxColumns           most columns a table may have
 * @param maxWarningsPerCode   detailed warnings kept per code; the rest are counted in one summary warning
 */
public record Limits(int maxRecordChars, int maxZipEntries, long maxUnzippedBytes, int maxCompressionRatio,
                     int maxColumns, int maxWarningsPerCode) {
    public static final Limits DEFAULT = new Limits(1 << 20, 1000, 4L << 30, 200, 2000, 20);

    public Limits withMaxUnzippedBytes(long bytes) {
        return new Limits(maxRecordChars, maxZipEntries, bytes, maxCompressionRatio, maxColumns, maxWarningsPerCode);
    }

    public Limits withMaxRecordChars(int chars) {
        return new Limits(chars, maxZipEntries, maxUnzippedBytes, maxCompressionRatio, maxColumns, maxWarningsPerCode);
    }
}
