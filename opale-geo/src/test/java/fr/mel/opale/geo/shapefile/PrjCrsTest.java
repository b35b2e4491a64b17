package fr.mel.opale.geo.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrjCrsTest {
    @Test
    void prjNamesAndAuthorities() {
        assertThat(PrjCrs.srid("PROJCS[\"RGF93_Lambert_93\",GEOGCS[\"GCS_RGF93\",DATUM[\"D_RGF_1993\","
                + "SPHEROID[\"GRS_1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\","
                + "0.017453292519943295]],PROJECTION[\"Lambert_Conformal_Conic\"]]")).isEqualTo(2154);
        assertThat(PrjCrs.srid("PROJCS[\"RGF_1993_Lambert_93\",GEOGCS[\"x\"]]")).isEqualTo(2154);
        assertThat(PrjCrs.srid("PROJCS[\"RGF93 / CC50\",GEOGCS[\"RGF93\",AUTHORITY[\"EPSG\",\"4171\"]],"
                + "PROJECTION[\"Lambert_Conformal_Conic_2SP\"]]")).isEqualTo(3950);
        assertThat(PrjCrs.srid("PROJCS[\"whatever\",GEOGCS[\"RGF93\",AUTHORITY[\"EPSG\",\"4171\"]],"
                + "PROJECTION[\"x\"],AUTHORITY[\"EPSG\",\"2154\"]]")).isEqualTo(2154);
        assertThat(PrjCrs.srid("PROJCS[\"unnamed\",GEOGCS[\"GRS 1980(IUGG, 1980)\"],"
                + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"standard_parallel_1\",44],"
                + "PARAMETER[\"standard_parallel_2\",49],PARAMETER[\"latitude_of_origin\",46.5],"
                + "PARAMETER[\"central_meridian\",3],PARAMETER[\"false_easting\",700000],"
                + "PARAMETER[\"false_northing\",6600000]]")).isEqualTo(2154);
        assertThat(PrjCrs.srid("PROJCS[\"WGS_84_Pseudo_Mercator\",GEOGCS[\"x\"]]")).isEqualTo(3857);
        assertThat(PrjCrs.srid("PROJCS[\"WGS_1984_UTM_Zone_31N\",GEOGCS[\"x\"]]")).isEqualTo(32631);
        assertThat(PrjCrs.srid("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\"]]")).isEqualTo(4326);
        assertThat(PrjCrs.srid("LOCAL_CS[\"?\"]")).isNull();
    }
}
