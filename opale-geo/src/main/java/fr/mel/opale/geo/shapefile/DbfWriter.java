package fr.mel.opale.geo.shapefile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes one shapefile's attribute table, a dBase III file ({@code .dbf}), in two passes so that memory stays
 * constant and the fields are no wider than their widest value: while rows stream, {@link #add} encodes them
 * into a temporary spool (length-prefixed field texts); {@link #finish} then knows the final widths and writes the
 * fixed-width {@code .dbf} from the spool, header first (record count, header and record lengths).
 */
final class DbfWriter implements AutoCloseable {
    private final DbfFields fields;
    private final Path spoolPath;
    private final DataOutputStream spool;
    private long records;
    private boolean spoolClosed;

    DbfWriter(DbfFields fields, Path spool) throws IOException {
        this.fields = fields;
        this.spoolPath = spool;
        this.spool = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024));
    }

    long records() {
        return records;
    }

    void add(Map<String, @Nullable Object> properties) throws IOException {
        for (DbfField field : fields.list()) {
            byte[] value = field.encode(properties.get(field.column.name()));
            if (value == null) {
                spool.writeShort(-1);
            } else {
                spool.writeShort(value.length);
                spool.write(value);
            }
        }
        records++;
    }

    /** The size {@link #finish} will write: header, fixed-width records and the end-of-file mark. */
    long size() {
        return headerLength() + records * fields.recordLength() + 1;
    }

    private int headerLength() {
        return 32 + 32 * fields.list().size() + 1;
    }

    /** Writes the {@code .dbf} from the spool, now that every field's width is known. */
    void finish(Path dbf) throws IOException {
        closeSpool();
        int recordLength = fields.recordLength();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dbf), 64 * 1024);
             DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spoolPath),
                     64 * 1024))) {
            out.write(header(recordLength));
            byte[] record = new byte[recordLength];
            List<DbfField> list = fields.list();
            for (long r = 0; r < records; r++) {
                record[0] = ' '; // not deleted
                int offset = 1;
                for (DbfField field : list) {
                    int length = in.readShort();
                    byte[] value = length < 0 ? null : in.readNBytes(length);
                    field.pad(value, record, offset);
                    offset += field.length();
                }
                out.write(record);
            }
            out.write(0x1A);
        }
    }

    private byte[] header(int recordLength) {
        LocalDate today = LocalDate.now();
        ByteBuffer header = ByteBuffer.allocate(headerLength()).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x03) // dBase III without memo
                .put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth())
                .putInt((int) records)
                .putShort((short) headerLength())
                .putShort((short) recordLength)
                .put(new byte[20]);
        for (DbfField field : fields.list()) {
            byte[] name = new byte[11];
            byte[] ascii = field.name.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(ascii, 0, name, 0, ascii.length);
            header.put(name).put((byte) field.type()).put(new byte[4])
                    .put((byte) field.length()).put((byte) field.decimals()).put(new byte[14]);
        }
        header.put((byte) 0x0D);
        return header.array();
    }

    private void closeSpool() throws IOException {
        if (!spoolClosed) {
            spoolClosed = true;
            spool.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeSpool();
    }
}
