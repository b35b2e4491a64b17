package fr.mel.opale.geo.shapefile;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometries of a .shp file (ESRI Shapefile Technical Description, 1998), read sequentially: null shapes,
 * points, multipoints, polylines and polygons, with their Z and M variants (Z kept, M dropped). Polygon rings
 * follow ESRI's convention — clockwise outer rings, counter-clockwise holes — and each hole goes to the outer ring
 * that contains it. MultiPatch is not read (null shape, reported by the caller).
 */
public final class ShpReader implements AutoCloseable {
    static final int FILE_CODE = 9994;
    private final DataInputStream in;
    private final GeometryFactory factory;
    /** The shape type of the file header (1 point, 3 polyline, 5 polygon, 8 multipoint; +10 Z, +20 M). */
    public final int shapeType;
    private long offset = 100;
    private final long fileLength;
    /** What was wrong with the last record read, in French, when it was read anyway (null: nothing). */
    public @Nullable String lastProblem;
    /** The bounding box the header declares (Xmin, Ymin, Xmax, Ymax), in the file's coordinates. */
    public final Envelope bounds;

    /** Reads the header; geometries are made by {@code factory}; the stream is closed by {@link #close()}. */
    public ShpReader(InputStream stream, GeometryFactory factory) throws IOException {
        this.in = new DataInputStream(new java.io.BufferedInputStream(stream, 1 << 16));
        this.factory = factory;
        byte[] header = new byte[100];
        in.readFully(header);
        if (bigInt(header, 0) != FILE_CODE) {
            throw new IOException("en-tête .shp invalide");
        }
        fileLength = bigInt(header, 24) * 2L;
        shapeType = littleInt(header, 32);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bounds = new Envelope(b.getDouble(36), b.getDouble(52), b.getDouble(44), b.getDouble(60));
    }

    /** The next record's geometry (null for a null shape); throws {@link EOFException} at the end. */
    public @Nullable Geometry next() throws IOException {
        lastProblem = null;
        if (offset >= fileLength) {
            throw new EOFException();
        }
        in.readInt(); // record number
        int length = in.readInt() * 2;
        if (length < 4 || length > 256 << 20) {
            throw new IOException("enregistrement .shp de longueur " + length + " invalide");
        }
        byte[] content = new byte[length];
        in.readFully(content);
        offset += 8 + length;
        return parse(java.nio.ByteBuffer.wrap(content).order(java.nio.ByteOrder.LITTLE_ENDIAN));
    }

    private @Nullable Geometry parse(java.nio.ByteBuffer b) {
        int type = b.getInt();
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21: {
                double x = b.getDouble();
                double y = b.getDouble();
                Coordinate c = type == 11 ? new Coordinate(x, y, b.getDouble()) : new Coordinate(x, y);
                return factory.createPoint(c);
            }
            case 8, 18, 28: {
                b.position(b.position() + 32);
                int n = b.getInt();
                Coordinate[] points = xy(b, n);
                if (type == 18) {
                    z(b, points);
                }
                Point[] parts = new Point[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = factory.createPoint(points[i]);
                }
                return factory.createMultiPoint(parts);
            }
            case 3, 13, 23, 5, 15, 25: {
                b.position(b.position() + 32);
                int numParts = b.getInt();
                int numPoints = b.getInt();
                int[] starts = new int[numParts];
                for (int i = 0; i < numParts; i++) {
                    starts[i] = b.getInt();
                }
                Coordinate[] points = xy(b, numPoints);
                if (type == 13 || type == 15) {
                    z(b, points);
                }
                List<Coordinate[]> parts = new ArrayList<>(numParts);
                for (int i = 0; i < numParts; i++) {
                    int end = i + 1 < numParts ? starts[i + 1] : numPoints;
                    if (starts[i] < 0 || end > numPoints || end < starts[i]) {
                        throw new IllegalArgumentException("parties incohérentes");
                    }
                    parts.add(java.util.Arrays.copyOfRange(points, starts[i], end));
                }
                return type % 10 == 3 ? lines(parts) : polygons(parts);
            }
            default:
                lastProblem = "type de forme " + type + " non pris en charge";
                return null;
        }
    }

    private static Coordinate[] xy(java.nio.ByteBuffer b, int n) {
        Coordinate[] points = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            points[i] = new Coordinate(b.getDouble(), b.getDouble());
        }
        return points;
    }

    private static void z(java.nio.ByteBuffer b, Coordinate[] points) {
        b.position(b.position() + 16); // Z range
        for (Coordinate c : points) {
            c.setZ(b.getDouble());
        }
    }

    private Geometry lines(List<Coordinate[]> parts) {
        List<LineString> lines = new ArrayList<>();
        for (Coordinate[] part : parts) {
            if (part.length >= 2) {
                lines.add(factory.createLineString(part));
            }
        }
        return lines.size() == 1 ? lines.get(0) : factory.createMultiLineString(lines.toArray(new LineString[0]));
    }

    private Geometry polygons(List<Coordinate[]> parts) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] part : parts) {
            if (part.length < 3) {
                continue;
            }
            if (!part[0].equals2D(part[part.length - 1])) {
                part = java.util.Arrays.copyOf(part, part.length + 1);
                part[part.length - 1] = part[0].copy();
            }
            if (part.length < 4) {
                continue;
            }
            LinearRing ring = factory.createLinearRing(part);
            if (Orientation.isCCW(part)) {
                holes.add(ring);
            } else {
                shells.add(ring);
            }
        }
        if (shells.isEmpty()) {
            // Some writers get the orientation backwards: take the holes as outer rings rather than lose them.
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (LinearRing shell : shells) {
            holesOf.add(new ArrayList<>());
            locators.add(new IndexedPointInAreaLocator(factory.createPolygon(shell)));
        }
        for (LinearRing hole : holes) {
            int owner = -1;
            for (int i = 0; i < shells.size() && owner < 0; i++) {
                if (shells.get(i).getEnvelopeInternal().contains(hole.getEnvelopeInternal())
                        && locators.get(i).locate(interiorPoint(hole)) != Location.EXTERIOR) {
                    owner = i;
                }
            }
            if (owner < 0) {
                owner = shells.size(); // a hole in no shell: keep it as an outer ring, validation will judge
                shells.add(factory.createLinearRing(hole.reverse().getCoordinates()));
                holesOf.add(new ArrayList<>());
                locators.add(null);
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    private static Coordinate interiorPoint(LinearRing ring) {
        Coordinate a = ring.getCoordinateN(0);
        Coordinate b = ring.getCoordinateN(1);
        return new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
    }

    static int bigInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static int littleInt(byte[] b, int at) {
        return ((b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
