package fr.mel.opale.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Row counts computed without the readers under test: a naive quote-aware CSV splitter, the DBF header's record
 * count, SQL COUNT(*) through the SQLite driver, Jackson's tree. If a reader and these agree, both are right.
 */
final class IndependentCounts {
    private IndependentCounts() {
    }

    /** Records (lists of fields) of a CSV text: RFC 4180 quoting, CRLF or LF. */
    static List<List<String>> csv(Path file, Charset charset, char delimiter) throws IOException {
        String text = Files.readString(file, charset).replace("\0", "");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString().replace("\r", ""));
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** Data records of a CSV with a header: those with as many fields as the header. */
    static long csvRows(Path file, Charset charset, char delimiter) throws IOException {
        List<List<String>> records = csv(file, charset, delimiter);
        int width = records.get(0).size();
        return records.stream().skip(1).filter(r -> r.size() == width).count();
    }

    /** The record count in the header of the first .dbf in a ZIP (bytes 4–7, little-endian). */
    static long dbfRecords(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry dbf = z.stream().filter(e -> e.getName().toLowerCase().endsWith(".dbf")).findFirst().orElseThrow();
            try (InputStream in = z.getInputStream(dbf)) {
                byte[] h = in.readNBytes(8);
                return (h[4] & 0xFF) | (h[5] & 0xFF) << 8 | (h[6] & 0xFF) << 16 | (long) (h[7] & 0xFF) << 24;
            }
        }
    }

    static long sqliteCount(Path gpkg, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> sqliteTables(Path gpkg, String dataType) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT table_name FROM gpkg_contents WHERE data_type = '" + dataType + "' ORDER BY table_name")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        }
    }

    static long geoJsonFeatures(Path file) {
        var tree = JsonMapper.builder().build().readTree(file.toFile());
        return (tree.has("features") ? tree.get("features") : tree.get("records")).size();
    }
}
