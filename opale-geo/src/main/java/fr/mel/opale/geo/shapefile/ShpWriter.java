package fr.mel.opale.geo.shapefile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes the main file ({@code .shp}) and the index ({@code .shx}) of one shapefile, record by record, as the
 * ESRI Shapefile Technical Description (1998) lays them out: 100-byte headers, big-endian record headers and
 * file lengths, little-endian shape contents. The files are written sequentially; their headers (file length,
 * bounding box) are known at the end only and are rewritten in place by {@link #finish()}.
 *
 * <p>Polygons are written with their outer rings clockwise and their holes counter-clockwise, as the format
 * requires (readers tell holes from outer rings by the orientation); JTS' orientation test decides, whatever the
 * source's order. A null geometry is a Null Shape record (type 0), which the format allows in any file.
 */
final class ShpWriter implements AutoCloseable {
    static final int HEADER = 100;
    private final ShapeFamily family;
    private final Path shpPath;
    private final Path shxPath;
    private final long maxBytes;
    private final OutputStream shp;
    private final OutputStream shx;
    private final Envelope bounds = new Envelope();
    private long shpLength = HEADER;
    private int records;
    private boolean finished;

    /**
     * @param maxBytes the largest file allowed (2 GB for the format: offsets are signed 32-bit counts of 16-bit
     *                 words, and most readers stop at 2 GB); beyond, {@link #write} throws {@link TooLarge}
     */
    ShpWriter(ShapeFamily family, Path shp, Path shx, long maxBytes) throws IOException {
        this.family = family;
        this.shpPath = shp;
        this.shxPath = shx;
        this.maxBytes = maxBytes;
        this.shp = new BufferedOutputStream(Files.newOutputStream(shp), 64 * 1024);
        this.shx = new BufferedOutputStream(Files.newOutputStream(shx), 16 * 1024);
        byte[] placeholder = new byte[HEADER]; // rewritten by finish()
        this.shp.write(placeholder);
        this.shx.write(placeholder);
    }

    /** The file grew beyond the limit given: the writing stops (the caller has sent nothing yet). */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    int records() {
        return records;
    }

    /** Appends one record: the geometry (of this file's family, in the output CRS) or a Null Shape. */
    void write(@Nullable Geometry geometry) throws IOException {
        byte[] content = geometry == null || geometry.isEmpty() ? nullShape() : switch (family) {
            case POINT -> point(geometry.getCoordinate());
            case MULTIPOINT -> multiPoint(geometry);
            case LINE -> parts(lines(geometry), geometry.getEnvelopeInternal());
            case POLYGON -> parts(rings(geometry), geometry.getEnvelopeInternal());
        };
        long recordLength = 8L + content.length;
        if (shpLength + recordLength > maxBytes) {
            throw new TooLarge();
        }
        if (geometry != null && !geometry.isEmpty()) {
            bounds.expandToInclude(geometry.getEnvelopeInternal());
        }
        records++;
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        header.putInt(records).putInt(content.length / 2);
        shp.write(header.array());
        shp.write(content);
        ByteBuffer index = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        index.putInt((int) (shpLength / 2)).putInt(content.length / 2);
        shx.write(index.array());
        shpLength += recordLength;
    }

    private static ByteBuffer content(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] nullShape() {
        return content(4).putInt(0).array();
    }

    private byte[] point(Coordinate c) {
        return content(20).putInt(family.shapeType).putDouble(c.x).putDouble(c.y).array();
    }

    private byte[] multiPoint(Geometry geometry) {
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (!geometry.getGeometryN(i).isEmpty()) {
                points.add(geometry.getGeometryN(i).getCoordinate());
            }
        }
        ByteBuffer buffer = content(4 + 32 + 4 + 16 * points.size()).putInt(family.shapeType);
        box(buffer, geometry.getEnvelopeInternal());
        buffer.putInt(points.size());
        points.forEach(c -> buffer.putDouble(c.x).putDouble(c.y));
        return buffer.array();
    }

    private static List<CoordinateSequence> lines(Geometry geometry) {
        List<CoordinateSequence> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            LineString line = (LineString) geometry.getGeometryN(i);
            if (!line.isEmpty()) {
                parts.add(line.getCoordinateSequence());
            }
        }
        return parts;
    }

    /** Every polygon's outer ring clockwise, then its holes counter-clockwise. */
    private static List<CoordinateSequence> rings(Geometry geometry) {
        List<CoordinateSequence> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            if (polygon.isEmpty()) {
                continue;
            }
            parts.add(oriented(polygon.getExteriorRing(), false));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                if (!polygon.getInteriorRingN(h).isEmpty()) {
                    parts.add(oriented(polygon.getInteriorRingN(h), true));
                }
            }
        }
        return parts;
    }

    private static CoordinateSequence oriented(LinearRing ring, boolean counterClockwise) {
        CoordinateSequence sequence = ring.getCoordinateSequence();
        return Orientation.isCCW(sequence) == counterClockwise ? sequence : ring.reverse().getCoordinateSequence();
    }

    /** PolyLine or Polygon content: box, part count, point count, part starts, points. */
    private byte[] parts(List<CoordinateSequence> parts, Envelope envelope) {
        if (parts.isEmpty()) {
            return nullShape();
        }
        int points = parts.stream().mapToInt(CoordinateSequence::size).sum();
        ByteBuffer buffer = content(4 + 32 + 4 + 4 + 4 * parts.size() + 16 * points).putInt(family.shapeType);
        box(buffer, envelope);
        buffer.putInt(parts.size()).putInt(points);
        int start = 0;
        for (CoordinateSequence part : parts) {
            buffer.putInt(start);
            start += part.size();
        }
        for (CoordinateSequence part : parts) {
            for (int i = 0; i < part.size(); i++) {
                buffer.putDouble(part.getX(i)).putDouble(part.getY(i));
            }
        }
        return buffer.array();
    }

    private static void box(ByteBuffer buffer, Envelope envelope) {
        buffer.putDouble(envelope.getMinX()).putDouble(envelope.getMinY())
                .putDouble(envelope.getMaxX()).putDouble(envelope.getMaxY());
    }

    /** Flushes the records and rewrites both headers with the final file lengths and bounding box. */
    void finish() throws IOException {
        shp.close();
        shx.close();
        finished = true;
        header(shpPath, shpLength);
        header(shxPath, HEADER + 8L * records);
    }

    private void header(Path file, long length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .putInt((int) (length / 2));
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(family.shapeType);
        if (bounds.isNull()) {
            header.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        } else {
            box(header, bounds);
        }
        header.putDouble(0).putDouble(0).putDouble(0).putDouble(0); // Z and M ranges: unused (2D shapes)
        header.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(header, 0);
        }
    }

    /** Closes the files if {@link #finish()} did not (the caller deletes them). */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            try {
                shp.close();
            } finally {
                shx.close();
            }
        }
    }
}
