package fr.mel.opale.catalog.iso;

import static fr.mel.opale.catalog.iso.IsoXmlStream.GMD;
import static fr.mel.opale.catalog.iso.IsoXmlStream.GML;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The record's extent as one {@code gmd:EX_Extent}: a bounding box per polygon of the geometry when it has several
 * (else the overall box), a geographic description per place, and the period as a GML 3.2 {@code TimePeriod} whose
 * open ends are {@code indeterminatePosition} {@code unknown} (start) and {@code now} (end).
 */
final class ExtentWriter {
    private ExtentWriter() {
    }

    /** Whether the record has anything to write as an extent. */
    static boolean hasExtent(CatalogRecord record) {
        TemporalExtent period = record.temporalExtent();
        return !boxes(record.spatialExtent()).isEmpty() || !record.spatialExtent().places().isEmpty()
                || period != null && (SchemaValues.date(period.start()) != null
                || SchemaValues.date(period.end()) != null);
    }

    /** {@code <ns:property><gmd:EX_Extent>…</gmd:EX_Extent></ns:property>}; call only when {@link #hasExtent}. */
    static void write(IsoXmlStream xml, String namespace, String property, CatalogRecord record)
            throws XMLStreamException {
        xml.start(namespace, property);
        xml.start(GMD, "EX_Extent");
        for (BoundingBox box : boxes(record.spatialExtent())) {
            xml.start(GMD, "geographicElement");
            xml.start(GMD, "EX_GeographicBoundingBox");
            xml.decimal(GMD, "westBoundLongitude", box.west());
            xml.decimal(GMD, "eastBoundLongitude", box.east());
            xml.decimal(GMD, "southBoundLatitude", box.south());
            xml.decimal(GMD, "northBoundLatitude", box.north());
            xml.end();
            xml.end();
        }
        for (String place : record.spatialExtent().places()) {
            xml.start(GMD, "geographicElement");
            xml.start(GMD, "EX_GeographicDescription");
            xml.start(GMD, "geographicIdentifier");
            xml.start(GMD, "MD_Identifier");
            xml.string(GMD, "code", place);
            xml.end();
            xml.end();
            xml.end();
            xml.end();
        }
        temporal(xml, record.temporalExtent());
        xml.end();
        xml.end();
    }

    private static void temporal(IsoXmlStream xml, @Nullable TemporalExtent period) throws XMLStreamException {
        String begin = period == null ? null : SchemaValues.date(period.start());
        String end = period == null ? null : SchemaValues.date(period.end());
        if (begin == null && end == null) {
            return;
        }
        xml.start(GMD, "temporalElement");
        xml.start(GMD, "EX_TemporalExtent");
        xml.start(GMD, "extent");
        xml.start(GML, "TimePeriod");
        xml.attribute(GML, "id", "temporal-extent");
        position(xml, "beginPosition", begin, "unknown");
        position(xml, "endPosition", end, "now");
        xml.end();
        xml.end();
        xml.end();
        xml.end();
    }

    private static void position(IsoXmlStream xml, String name, @Nullable String date, String openEnd)
            throws XMLStreamException {
        xml.start(GML, name);
        if (date == null) {
            xml.attribute("indeterminatePosition", openEnd);
        } else {
            xml.characters(date);
        }
        xml.end();
    }

    /**
     * One box per polygon when the geometry holds several (what the ISO reader makes of a record with several
     * boxes), keeping only those within WGS84 limits; else the overall box, else the geometry's envelope.
     */
    static List<BoundingBox> boxes(SpatialExtent extent) {
        Geometry geometry = geometry(extent.geometry());
        if (geometry != null && geometry.getNumGeometries() > 1) {
            Set<BoundingBox> boxes = new LinkedHashSet<>();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                BoundingBox box = box(geometry.getGeometryN(i).getEnvelopeInternal());
                if (box != null) {
                    boxes.add(box);
                }
            }
            if (!boxes.isEmpty()) {
                return new ArrayList<>(boxes);
            }
        }
        if (extent.bbox() != null) {
            return List.of(extent.bbox());
        }
        BoundingBox envelope = geometry == null ? null : box(geometry.getEnvelopeInternal());
        return envelope == null ? List.of() : List.of(envelope);
    }

    private static @Nullable Geometry geometry(@Nullable String wkt) {
        if (wkt == null) {
            return null;
        }
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            // A geometry that does not parse still leaves the record its overall box.
            return null;
        }
    }

    private static @Nullable BoundingBox box(Envelope envelope) {
        if (envelope.isNull()) {
            return null;
        }
        try {
            return new BoundingBox(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
        } catch (IllegalArgumentException outsideWgs84) {
            return null;
        }
    }
}
