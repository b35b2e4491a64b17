package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoder and the CSV parser: drops NUL characters (counted, first line kept) and bounds the
 * length of a record, following quotes as the parser does so that a quoted line break continues the record. A
 * record beyond the bound — a 10 MB line, a quote never closed — stops the read with the line where it started,
 * before the parser buffers it.
 */
final class GuardedReader extends Reader {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final int maxRecord;
    private final char[] buffer = new char[1 << 16];
    private int state = FIELD_START;
    private long line = 1;
    private long recordStart = 1;
    private int recordLength;
    private long nulChars;
    private long firstNulLine;

    GuardedReader(Reader in, char delimiter, char quote, int maxRecord) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.maxRecord = maxRecord;
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        int n = in.read(buffer, 0, Math.min(len, buffer.length));
        if (n < 0) {
            return -1;
        }
        int w = off;
        for (int i = 0; i < n; i++) {
            char c = buffer[i];
            if (c == 0) {
                if (nulChars++ == 0) {
                    firstNulLine = line;
                }
                continue;
            }
            if (c == '\n') {
                line++;
            }
            switch (state) {
                case FIELD_START -> state = c == quote ? QUOTED : isBreak(c) ? endRecord() : c == delimiter
                        ? FIELD_START : UNQUOTED;
                case UNQUOTED -> state = c == delimiter ? FIELD_START : isBreak(c) ? endRecord() : UNQUOTED;
                case QUOTED -> state = c == quote ? QUOTE_IN_QUOTED : QUOTED;
                default -> state = c == quote ? QUOTED : c == delimiter ? FIELD_START : isBreak(c) ? endRecord()
                        : UNQUOTED;
            }
            if (++recordLength > maxRecord) {
                throw new UnreadableFile("record-too-long", "La ligne " + recordStart + " dépasse la longueur "
                        + "maximale d'un enregistrement (" + maxRecord + " caractères) : ligne démesurée, guillemet "
                        + "jamais refermé, ou fichier qui n'est pas un CSV.");
            }
            out[w++] = c;
        }
        if (w == off && n > 0) {
            return read(out, off, len); // only NULs in this chunk
        }
        return w - off;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private int endRecord() {
        recordLength = 0;
        recordStart = line;
        return FIELD_START;
    }

    long nulChars() {
        return nulChars;
    }

    long firstNulLine() {
        return firstNulLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
