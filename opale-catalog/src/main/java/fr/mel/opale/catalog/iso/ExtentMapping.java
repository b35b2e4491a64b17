package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The spatial and temporal extents ({@code EX_Extent}) of an identification. Boxes outside WGS84 limits (a
 * producer writing Lambert-93 metres in a longitude field happens) are skipped, not fatal. Bounding polygons are not
 * read: their axis order and CRS are too often ambiguous to be trusted without a CRS library.
 */
final class ExtentMapping {
    private ExtentMapping() {
    }

    static SpatialExtent spatial(List<Element> extents) {
        Set<BoundingBox> boxes = new LinkedHashSet<>();
        List<String> places = new ArrayList<>();
        for (Element extent : extents) {
            add(places, Dom.text(extent, "description"));
            for (Element element : Dom.children(extent, "geographicElement")) {
                for (Element box : Dom.children(element, "EX_GeographicBoundingBox")) {
                    BoundingBox read = box(box);
                    if (read != null) {
                        boxes.add(read);
                    }
                }
                for (Element description : Dom.children(element, "EX_GeographicDescription")) {
                    add(places, Dom.text(description, "geographicIdentifier", "*", "code"));
                }
            }
        }
        BoundingBox union = boxes.stream().reduce(BoundingBox::union).orElse(null);
        String geometry = boxes.size() > 1 ? multiPolygon(boxes) : null;
        return new SpatialExtent(union, geometry, places);
    }

    private static void add(List<String> places, @Nullable String place) {
        if (place != null && !places.contains(place)) {
            places.add(place);
        }
    }

    /** The box, or null when a bound is missing, not a number or outside WGS84 limits. */
    static @Nullable BoundingBox box(Element box) {
        Double west = decimal(box, "westBoundLongitude");
        Double east = decimal(box, "eastBoundLongitude");
        Double south = decimal(box, "southBoundLatitude");
        Double north = decimal(box, "northBoundLatitude");
        if (west == null || east == null || south == null || north == null) {
            return null;
        }
        try {
            return new BoundingBox(west, south, east, north);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Double decimal(Element box, String bound) {
        String text = Dom.text(box, bound);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String multiPolygon(Set<BoundingBox> boxes) {
        return boxes.stream().map(BoundingBox::wktRing).collect(Collectors.joining(", ", "MULTIPOLYGON (", ")"));
    }

    /**
     * The period covering every {@code gml:TimePeriod} / {@code gml:TimeInstant} of the extents: the earliest
     * start, and the latest end unless one period is open-ended ({@code indeterminatePosition="now"}, or an end
     * left empty), which makes the whole extent open. Null when no date could be read.
     */
    static @Nullable TemporalExtent temporal(List<Element> extents) {
        List<LocalDate[]> periods = new ArrayList<>();
        for (Element extent : extents) {
            for (Element time : Dom.all(extent, "temporalElement", "*", "extent", "*")) {
                LocalDate[] period = "TimeInstant".equals(Dom.localName(time)) ? instant(time) : period(time);
                if (period[0] != null || period[1] != null) {
                    periods.add(period);
                }
            }
        }
        if (periods.isEmpty()) {
            return null;
        }
        LocalDate start = null;
        LocalDate end = null;
        boolean open = false;
        for (LocalDate[] period : periods) {
            if (period[0] != null && (start == null || period[0].isBefore(start))) {
                start = period[0];
            }
            if (period[1] == null) {
                open = true;
            } else if (end == null || period[1].isAfter(end)) {
                end = period[1];
            }
        }
        return new TemporalExtent(start, open ? null : end);
    }

    private static LocalDate[] instant(Element instant) {
        LocalDate date = IsoDates.date(Dom.text(instant, "timePosition"));
        return new LocalDate[] {date, date};
    }

    /** Begin and end of a period, looking into nested periods ({@code gml:relatedTime}) when the outer one is empty. */
    private static LocalDate[] period(Element period) {
        List<Element> candidates = new ArrayList<>();
        candidates.add(period);
        candidates.addAll(Dom.descendants(period, "TimePeriod"));
        for (Element candidate : candidates) {
            LocalDate begin = position(candidate, "beginPosition", "begin");
            LocalDate end = position(candidate, "endPosition", "end");
            if (begin != null || end != null) {
                return new LocalDate[] {begin, end};
            }
        }
        return new LocalDate[] {null, null};
    }

    private static @Nullable LocalDate position(Element period, String positionName, String instantName) {
        Element position = Dom.first(period, positionName);
        if (position == null) {
            position = Dom.first(period, instantName, "TimeInstant", "timePosition");
        }
        return position == null ? null : IsoDates.date(Dom.text(position));
    }
}
