package fr.mel.opale.geo.crs;

/** An EPSG code proj4j does not know; the message is French, for the person who gave the code. */
public final class UnknownCrs extends IllegalArgumentException {
    private final int srid;

    public UnknownCrs(int srid) {
        super("Système de coordonnées EPSG:" + srid + " inconnu.");
        this.srid = srid;
    }

    public int srid() {
        return srid;
    }
}
