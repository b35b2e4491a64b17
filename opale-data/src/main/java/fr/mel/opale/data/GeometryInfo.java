package fr.mel.opale.data;

/**
 * What a geographic dataset says about its geometries. They are always stored in WGS84 (EPSG:4326, lon/lat);
 * {@code sourceCrs} only records where they came from (shown in metadata, offered back in downloads).
 *
 * @param kind      declared by the caller when loading; the stored version carries the kind actually observed
 *                  ({@link GeometryKind#GEOMETRY} when mixed), or the declared one when every geometry is null
 * @param sourceCrs e.g. {@code EPSG:2154}; {@code EPSG:4326} when the source was already WGS84
 */
public record GeometryInfo(GeometryKind kind, String sourceCrs) {
    public GeometryInfo {
        kind = kind == null ? GeometryKind.GEOMETRY : kind;
        sourceCrs = sourceCrs == null || sourceCrs.isBlank() ? "EPSG:4326" : sourceCrs.strip();
    }

    public static GeometryInfo wgs84(GeometryKind kind) {
        return new GeometryInfo(kind, "EPSG:4326");
    }
}
