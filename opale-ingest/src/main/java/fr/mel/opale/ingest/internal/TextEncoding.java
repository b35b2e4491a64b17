package fr.mel.opale.ingest.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The encoding of a text file, decided over <em>all</em> its bytes in one streamed pass: a strict UTF-8 validation
 * (any invalid sequence anywhere counts), the bytes that tell Windows-1252 from ISO-8859-1/-15, NUL bytes.
 *
 * <p>Decisions: a BOM wins; valid UTF-8 is UTF-8; bytes that are not UTF-8 and no valid multi-byte sequence mean a
 * single-byte encoding — Windows-1252 when a byte in 0x80–0x9F appears (control characters in ISO-8859-1, letters
 * and punctuation in Windows-1252), ISO-8859-15 when 0xA4 sits by a digit or a space (the euro sign), else
 * ISO-8859-1. Both valid multi-byte sequences and invalid bytes mean a file assembled from several sources: it is
 * decoded as UTF-8 where it is UTF-8 and as Windows-1252 elsewhere ({@link #MIXED}), with a warning naming the first
 * line that is not UTF-8. juniversalchardet was weighed and left out: for the encodings French producers use these
 * byte facts decide exactly, over the whole file, where a statistical guess may err on short files.
 *
 * <p>A large file read once ({@code CsvReader.speculate}) may skip that pass: when its two ends are UTF-8, its
 * decoder checks the rest as it goes ({@link #utf8ByItsEnds}).
 */
record TextEncoding(String name, int bomLength, long nulBytes, long firstNulLine, long invalidUtf8,
                    long firstInvalidLine, long controlBytes, long bytes, boolean verifiesAsRead) {
    static final String MIXED = "UTF-8+windows-1252";
    private static final java.lang.invoke.VarHandle WORDS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static TextEncoding detect(Path file, @Nullable String forced) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            int n = in.read(buffer);
            int bom = n > 0 ? bomLength(buffer, n) : 0;
            if (bom == 2) {
                String utf16 = (buffer[0] & 0xFF) == 0xFF ? "UTF-16LE" : "UTF-16BE";
                return new TextEncoding(forced != null ? forced : utf16, 2, 0, 0, 0, 0, 0, Files.size(file), false);
            }
            Scan scan = new Scan();
            int start = bom;
            long total = 0;
            while (n > 0) {
                scan.bytes(buffer, start, n);
                total += n;
                start = 0;
                n = in.read(buffer);
            }
            scan.end();
            return new TextEncoding(forced != null ? forced : scan.decision(), bom, scan.nul, scan.firstNul,
                    scan.invalid, scan.firstInvalid, scan.control, total, false);
        }
    }

    /** Bytes read at each end of a file by {@link #utf8ByItsEnds}. */
    static final int END_BYTES = 1 << 22;

    /**
     * UTF-8 decided from the file's first and last {@value #END_BYTES} bytes alone, when both are valid UTF-8 (plain
     * ASCII included); null when either is not, or when the file is too short for this to save anything (the caller
     * then reads all of it with {@link #detect}). The bytes in between are checked as they are decoded: the encoding
     * returned {@link #verifiesAsRead() verifies as it reads}, its decoder throws a {@link
     * java.nio.charset.CharacterCodingException} on the first byte that is not UTF-8 — which {@link #detect} would
     * have seen, so the reader must then start again from a whole-file decision. For a large file this saves a pass
     * over all its bytes before the first row can be read.
     */
    static @Nullable TextEncoding utf8ByItsEnds(Path file) throws IOException {
        long size = Files.size(file);
        if (size <= 4L * END_BYTES) {
            return null;
        }
        byte[] buffer = new byte[END_BYTES];
        int n = FileSlice.read(file, 0, buffer);
        int bom = bomLength(buffer, n);
        if (bom == 2 || !validUtf8(buffer, bom, n, false)) {
            return null;
        }
        n = FileSlice.read(file, size - END_BYTES, buffer);
        int lineStart = 0;
        while (lineStart < n && buffer[lineStart] != '\n') {
            lineStart++; // a cut at a line break never falls inside a multi-byte sequence
        }
        if (lineStart == n || !validUtf8(buffer, lineStart, n, true)) {
            return null;
        }
        return new TextEncoding("UTF-8", bom, 0, 0, 0, 0, 0, size, true);
    }

    /**
     * A single-byte encoding (or UTF-8 mixed with Windows-1252) decided from the file's first and last {@value
     * #END_BYTES} bytes, when they are not all UTF-8: the decision {@link #detect} makes, on those bytes only. Null
     * when they are UTF-8 (plain ASCII included: {@link #utf8ByItsEnds} or {@link #detect} then decide), in UTF-16,
     * or when the file is too short for this to save anything. The encoding returned {@link #verifiesAsRead()
     * verifies as it reads}: opened with a {@link Check}, every byte read is counted as {@link #detect} counts them,
     * and at the end of the file {@link Check#decision()} is the whole file's decision — which the reader compares,
     * never publishing text decoded in an encoding the whole file contradicts.
     */
    static @Nullable TextEncoding legacyByItsEnds(Path file) throws IOException {
        long size = Files.size(file);
        if (size <= 4L * END_BYTES) {
            return null;
        }
        byte[] buffer = new byte[END_BYTES];
        int n = FileSlice.read(file, 0, buffer);
        int bom = bomLength(buffer, n);
        if (bom == 2) {
            return null;
        }
        Scan scan = new Scan();
        scan.bytes(buffer, bom, n);
        long firstInvalid = scan.firstInvalid;
        int head = n;
        n = FileSlice.read(file, size - END_BYTES, buffer);
        int lineStart = 0;
        while (lineStart < n && buffer[lineStart] != '\n') {
            lineStart++; // a cut at a line break never falls inside a multi-byte sequence
        }
        Scan end = new Scan();
        end.bytes(buffer, Math.min(n, lineStart + 1), n);
        end.end();
        if (scan.invalid + end.invalid == 0 || head < END_BYTES) {
            return null;
        }
        scan.invalid += end.invalid;
        scan.validMulti += end.validMulti;
        scan.c1 += end.c1;
        scan.euro += end.euro;
        // the first line that is not UTF-8 (the mixed-encoding warning names it) is known only when it is in the start
        return firstInvalid == 0 && scan.validMulti > 0 ? null
                : new TextEncoding(scan.decision(), bom, 0, 0, scan.invalid, firstInvalid, 0, size, true);
    }

    /** Whether this encoding was decided from part of the file and is to be checked over all of it as it is read. */
    boolean checkedByScan() {
        return verifiesAsRead && !"UTF-8".equals(name);
    }

    /** The whole file's decision, made from the bytes a reader opened with it reads (see {@link #legacyByItsEnds}). */
    static final class Check {
        private final Scan scan = new Scan();
        private volatile boolean ended;

        /** The encoding {@link #detect} decides for the bytes read, or null before the end of the file. */
        @Nullable String decision() {
            return ended ? scan.decision() : null;
        }
    }

    /** The bytes of a stream counted by a {@link Check} as they go by. */
    private static final class CheckedInput extends java.io.FilterInputStream {
        private final Check check;

        CheckedInput(InputStream in, Check check) {
            super(in);
            this.check = check;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                check.scan.bytes(b, off, off + n);
            } else if (n < 0 && !check.ended) {
                check.scan.end();
                check.ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a checked stream is read, not skipped");
        }
    }

    /** Whether {@code buffer[start, end)} is valid UTF-8; a sequence cut by the end counts only at the file's end. */
    private static boolean validUtf8(byte[] buffer, int start, int end, boolean fileEnd) {
        Scan scan = new Scan();
        scan.bytes(buffer, start, end);
        if (fileEnd) {
            scan.end();
        }
        return scan.invalid == 0;
    }

    /**
     * The byte facts of one streamed pass: a strict UTF-8 validation, the bytes that tell Windows-1252 from
     * ISO-8859-1/-15, NUL and control bytes, counted line by line.
     */
    private static final class Scan {
        private long line = 1;
        private long nul;
        private long firstNul;
        private long invalid;
        private long firstInvalid;
        private long validMulti;
        private long c1;
        private long euro;
        private long control;
        private int need; // continuation bytes still expected
        private int lead;
        private int seen;
        private int previous = ' ';

        void bytes(byte[] buffer, int start, int n) {
            int i = start;
            while (i < n) {
                if (need == 0 && i + 8 <= n) {
                    long word = (long) WORDS.get(buffer, i);
                    if (printableAscii(word)) {
                        previous = buffer[i + 7]; // nothing to count in these eight bytes
                        i += 8;
                        continue;
                    }
                }
                int b = buffer[i++] & 0xFF;
                if (need > 0) {
                    if ((b & 0xC0) == 0x80 && !(seen == 0 && overlongOrSurrogate(lead, b))) {
                        seen++;
                        if (--need == 0) {
                            validMulti++;
                        }
                        previous = b;
                        continue;
                    }
                    invalid(); // truncated sequence; this byte is examined afresh below
                    need = 0;
                }
                if (b < 0x80) {
                    if (b == '\n') {
                        line++;
                    } else if (b == 0) {
                        nul++;
                        if (firstNul == 0) {
                            firstNul = line;
                        }
                    } else if (b < 0x20 && b != '\t' && b != '\r' && b != '\f' && b != 0x1A || b == 0x7F) {
                        control++;
                    }
                } else {
                    if (b <= 0x9F) {
                        c1++;
                    }
                    if (b == 0xA4 && (previous == ' ' || (previous >= '0' && previous <= '9'))) {
                        euro++;
                    }
                    if (b >= 0xC2 && b <= 0xDF) {
                        need = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        need = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        need = 3;
                    } else {
                        invalid();
                    }
                    lead = b;
                    seen = 0;
                }
                previous = b;
            }
        }

        /** The end of the file: a sequence still open there is truncated. */
        void end() {
            if (need > 0) {
                invalid();
                need = 0;
            }
        }

        private void invalid() {
            invalid++;
            if (firstInvalid == 0) {
                firstInvalid = line;
            }
        }

        String decision() {
            if (invalid == 0) {
                return "UTF-8";
            } else if (validMulti > 0) {
                return MIXED;
            } else if (c1 > 0) {
                return "windows-1252";
            } else if (euro > 0) {
                return "ISO-8859-15";
            }
            return "ISO-8859-1";
        }
    }

    /**
     * Whether all eight bytes are printable ASCII (0x20–0x7E), tested on the whole word at once (the "hasless" and
     * "hasmore" byte tricks): most bytes of a French CSV are, and the byte-by-byte loop made this pass as slow as the
     * CSV splitting itself. Any other byte — newline, tab, NUL, 0x7F, anything above 0x7F — sends the word to it.
     */
    static boolean printableAscii(long word) {
        long below = (word - 0x2020202020202020L) & ~word;
        long above = (word + 0x0101010101010101L) | word;
        return ((below | above) & 0x8080808080808080L) == 0;
    }

    /** A reader's view of the file for a plan that already names its encoding: only the BOM is looked at. */
    static TextEncoding declared(Path file, String name) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        int bom = bomLength(head, n);
        return new TextEncoding(name, bom, 0, 0, 0, 0, 0, Files.size(file), false);
    }

    /** 3 for UTF-8's byte order mark, 2 for UTF-16's (either order), else 0, among the first {@code n} bytes. */
    private static int bomLength(byte[] head, int n) {
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (n >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
            return 2;
        }
        return 0;
    }

    /** E0 followed by < A0 and F0 by < 90 are overlong; ED followed by ≥ A0 a surrogate; F4 by ≥ 90 beyond U+10FFFF. */
    private static boolean overlongOrSurrogate(int lead, int second) {
        return (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)
                || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90);
    }

    boolean isMixed() {
        return MIXED.equals(name);
    }

    /**
     * A reader of the file's text after the BOM, decoding as decided: malformed input replaced, never thrown — except
     * by an encoding that {@link #verifiesAsRead()}, whose reader throws a {@link
     * java.nio.charset.MalformedInputException} there.
     */
    Reader open(Path file) throws IOException {
        return open(file, null);
    }

    /** {@link #open(Path)}, every byte read counted by {@code check} when there is one. */
    Reader open(Path file, @Nullable Check check) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomLength);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        if (check != null) {
            in = new CheckedInput(in, check);
        }
        if (isMixed()) {
            return new MixedUtf8Reader(new BufferedInputStream(in, 1 << 16));
        }
        CodingErrorAction onError = verifiesAsRead && !checkedByScan() ? CodingErrorAction.REPORT
                : CodingErrorAction.REPLACE;
        CharsetDecoder decoder = charset().newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        return new InputStreamReader(in, decoder);
    }

    Charset charset() {
        return isMixed() ? StandardCharsets.UTF_8 : Charset.forName(name);
    }
}
