package fr.mel.opale.data;

import fr.mel.opale.geo.GeometryType;

/**
 * What a geographic dataset says about its geometries. They are always stored in WGS84 (EPSG:4326, lon/lat);
 * {@code sourceCrs} only records where they came from (shown in metadata, offered back in downloads).
 *
 * @param kind      declared by the caller when loading; the stored version carries the kind actually observed
 *                  ({@link GeometryType#GEOMETRY} when mixed), or the declared one when every geometry is null
 * @param sourceCrs e.g. {@code EPSG:2154}; {@code EPSG:4326} when the source was already WGS84
 */
public record GeometryInfo(GeometryType kind, String sourceCrs) {
    public GeometryInfo {
        kind = kind == null ? GeometryType.GEOMETRY : kind;
        sourceCrs = sourceCrs == null || sourceCrs.isBlank() ? "EPSG:4326" : sourceCrs.strip();
    }

    public static GeometryInfo wgs84(GeometryType kind) {
        return new GeometryInfo(kind, "EPSG:4326");
    }
}
