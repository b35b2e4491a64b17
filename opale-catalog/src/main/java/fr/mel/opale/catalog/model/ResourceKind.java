package fr.mel.opale.catalog.model;

/** What an online resource gives access to; drives its DCAT mapping and how pages present it. */
public enum ResourceKind {
    /** A file to download (DCAT distribution with a download URL). */
    DOWNLOAD,
    /** An OGC web service (WMS, WFS, WMTS...). */
    SERVICE,
    /** A web API returning data (OGC API, REST, ...). */
    API,
    /** Documentation about the resource. */
    DOCUMENTATION,
    /** The resource's landing page elsewhere. */
    LANDING_PAGE,
    /** Anything else. */
    OTHER
}
