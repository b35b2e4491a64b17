package fr.mel.opale.geo.shapefile;

import fr.mel.opale.geo.crs.Crs;
import org.jspecify.annotations.Nullable;

/**
 * The {@code .prj} of a shapefile: the output CRS in ESRI's WKT 1 dialect, as ArcGIS and GDAL write it (GDAL
 * identifies these three back as EPSG:4326, 2154 and 3857). WGS 84 is written longitude first (CRS84 and EPSG:4326
 * alike), as every shapefile reader expects.
 */
final class EsriPrj {
    private static final String GCS_WGS_1984 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";
    private static final String LAMBERT_93 = "PROJCS[\"RGF_1993_Lambert_93\",GEOGCS[\"GCS_RGF_1993\","
            + "DATUM[\"D_RGF_1993\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],"
            + "PARAMETER[\"False_Easting\",700000.0],PARAMETER[\"False_Northing\",6600000.0],"
            + "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",49.0],"
            + "PARAMETER[\"Standard_Parallel_2\",44.0],PARAMETER[\"Latitude_Of_Origin\",46.5],UNIT[\"Meter\",1.0]]";
    private static final String WEB_MERCATOR = "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\","
            + GCS_WGS_1984 + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
            + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]";

    private EsriPrj() {
    }

    /** The .prj of an EPSG code, or null for a CRS this writer has no ESRI text for. */
    static @Nullable String of(int epsg) {
        return switch (epsg) {
            case Crs.WGS84 -> GCS_WGS_1984;
            case Crs.LAMBERT_93 -> LAMBERT_93;
            case Crs.WEB_MERCATOR -> WEB_MERCATOR;
            default -> null;
        };
    }
}
