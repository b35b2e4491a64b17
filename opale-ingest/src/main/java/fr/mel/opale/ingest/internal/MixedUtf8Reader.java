package fr.mel.opale.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * UTF-8 where the bytes are UTF-8, Windows-1252 byte by byte where they are not: the right reading of a file
 * concatenated from a UTF-8 export and a Windows one, which a single charset would garble in part.
 */
final class MixedUtf8Reader extends Reader {
    private static final char[] CP1252 = new String(range(), Charset.forName("windows-1252")).toCharArray();

    private final InputStream in;
    private final byte[] bytes = new byte[1 << 16];
    private int position;
    private int limit;
    private int pendingLow = -1;

    MixedUtf8Reader(InputStream in) {
        this.in = in;
    }

    private static byte[] range() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        int written = 0;
        while (written < len) {
            if (pendingLow >= 0) {
                out[off + written++] = (char) pendingLow;
                pendingLow = -1;
                continue;
            }
            if (limit - position < 4 && !fill()) {
                if (position >= limit) {
                    break;
                }
            }
            int b = bytes[position] & 0xFF;
            if (b < 0x80) {
                out[off + written++] = (char) b;
                position++;
                continue;
            }
            int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            int codePoint = need < 0 ? -1 : decode(b, need);
            if (codePoint < 0) {
                out[off + written++] = CP1252[b];
                position++;
            } else {
                position += need + 1;
                if (codePoint >= 0x10000) {
                    out[off + written++] = Character.highSurrogate(codePoint);
                    pendingLow = Character.lowSurrogate(codePoint);
                } else {
                    out[off + written++] = (char) codePoint;
                }
            }
        }
        return written == 0 && len > 0 ? -1 : written;
    }

    private int decode(int lead, int need) {
        if (position + need >= limit) {
            return -1; // truncated by the end of the file
        }
        int cp = lead & (0x3F >> need);
        for (int k = 1; k <= need; k++) {
            int c = bytes[position + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return cp;
    }

    /** Keeps unread bytes and reads more; false at the end of the stream. */
    private boolean fill() throws IOException {
        int left = limit - position;
        System.arraycopy(bytes, position, bytes, 0, left);
        position = 0;
        limit = left;
        int n = in.read(bytes, limit, bytes.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
