// Map previews of the OGC API pages (progressive enhancement): every element with `data-carte` becomes a MapLibre GL
// map of a collection's vector tiles (`data-tiles`, fitted to `data-bbox`) or of a GeoJSON document
// (`data-geojson`: a page of items or one item, fitted to its features). The text alternative next to the map is
// always in the page; without WebGL the container is replaced by the message in `data-message-webgl`.
// No inline style or script: colours come from opale.css's custom properties (--carte-*). Imported by apercu.js on
// pages that have a map; MapLibre is the same fingerprinted, pre-compressed chunk as the dataset page's map tab.
import { Map, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

const SOURCE = 'donnees';

function webglAvailable() {
    try {
        const canvas = document.createElement('canvas');
        return Boolean(canvas.getContext('webgl2') || canvas.getContext('webgl'));
    } catch (e) {
        return false;
    }
}

function replaceWithMessage(container, message) {
    const paragraph = document.createElement('p');
    paragraph.className = 'carte-indisponible';
    paragraph.setAttribute('role', 'status');
    paragraph.textContent = message;
    container.replaceWith(paragraph);
}

function colours(container) {
    const style = getComputedStyle(container);
    const read = (name, otherwise) => style.getPropertyValue(name).trim() || otherwise;
    return {
        background: read('--carte-fond', '#f3f5f7'),
        stroke: read('--carte-trait', '#003b5c'),
        fill: read('--carte-remplissage', '#0a58a3'),
        outline: read('--carte-contour', '#ffffff'),
    };
}

function absolute(address) {
    // not `new URL()`: it would percent-encode the {z}/{y}/{x} of a tile template
    return /^https?:/.test(address) ? address : window.location.origin + address;
}

function baseStyle(data, colour) {
    const style = {
        version: 8,
        sources: {},
        layers: [{ id: 'fond', type: 'background', paint: { 'background-color': colour.background } }],
    };
    if (data.basemap) {
        style.sources.fond = {
            type: 'raster', tiles: [data.basemap], tileSize: 256,
            attribution: data.basemapAttribution || '',
        };
        style.layers.push({ id: 'fond-raster', type: 'raster', source: 'fond' });
    }
    return style;
}

/** Fill, outline, line and circle layers, each filtered on its geometry type. */
function addDataLayers(map, colour, sourceLayer) {
    const common = sourceLayer ? { source: SOURCE, 'source-layer': sourceLayer } : { source: SOURCE };
    map.addLayer({
        id: 'surfaces', type: 'fill', ...common, filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': colour.fill, 'fill-opacity': 0.35 },
    });
    map.addLayer({
        id: 'contours', type: 'line', ...common, filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'line-color': colour.stroke, 'line-width': 1.5 },
    });
    map.addLayer({
        id: 'lignes', type: 'line', ...common, filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': colour.stroke, 'line-width': 2.5 },
    });
    map.addLayer({
        id: 'points', type: 'circle', ...common, filter: ['==', ['geometry-type'], 'Point'],
        paint: {
            'circle-color': colour.fill, 'circle-radius': 5,
            'circle-stroke-color': colour.outline, 'circle-stroke-width': 1.5,
        },
    });
}

/** [west, south, east, north] of a GeoJSON object, or null when it has no coordinates. */
function boundsOf(geojson) {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    const visit = (coordinates) => {
        if (typeof coordinates[0] === 'number') {
            box[0] = Math.min(box[0], coordinates[0]);
            box[1] = Math.min(box[1], coordinates[1]);
            box[2] = Math.max(box[2], coordinates[0]);
            box[3] = Math.max(box[3], coordinates[1]);
        } else {
            coordinates.forEach(visit);
        }
    };
    const features = geojson.type === 'FeatureCollection' ? geojson.features : [geojson];
    for (const feature of features) {
        const geometry = feature.geometry;
        if (!geometry) continue;
        const parts = geometry.type === 'GeometryCollection' ? geometry.geometries : [geometry];
        parts.forEach((part) => visit(part.coordinates));
    }
    return box[0] === Infinity ? null : box;
}

function fit(map, box) {
    map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { padding: 30, maxZoom: 16, duration: 0 });
}

function start(container) {
    const data = container.dataset;
    if (!webglAvailable()) {
        replaceWithMessage(container, data.messageWebgl);
        return;
    }
    const colour = colours(container);
    const label = container.getAttribute('aria-label') || '';
    let map;
    try {
        map = new Map({
            container,
            style: baseStyle(data, colour),
            center: [3.06, 50.63], // Lille, until the data's extent is known
            zoom: 9,
            attributionControl: data.basemap ? { compact: false } : false,
            locale: {
                'Map.Title': label,
                'NavigationControl.ZoomIn': data.zoomIn,
                'NavigationControl.ZoomOut': data.zoomOut,
            },
            cooperativeGestures: false,
        });
    } catch (e) {
        // a WebGL context that cannot be created (blocked, lost) looks the same to the visitor as no WebGL
        replaceWithMessage(container, data.messageWebgl);
        return;
    }
    map.addControl(new NavigationControl({ showCompass: false }));
    if (data.bbox) {
        fit(map, data.bbox.split(',').map(Number));
    }
    map.on('load', () => {
        if (data.tiles) {
            map.addSource(SOURCE, { type: 'vector', tiles: [absolute(data.tiles)], minzoom: 0, maxzoom: 16 });
            addDataLayers(map, colour, data.layer);
            container.dataset.carteChargee = 'tuiles';
        } else if (data.geojson) {
            fetch(data.geojson, { headers: { Accept: 'application/geo+json' }, credentials: 'same-origin' })
                .then((response) => {
                    if (!response.ok) throw new Error(String(response.status));
                    return response.json();
                })
                .then((geojson) => {
                    map.addSource(SOURCE, { type: 'geojson', data: geojson });
                    addDataLayers(map, colour, null);
                    const box = boundsOf(geojson);
                    if (box) fit(map, box);
                    container.dataset.carteChargee = 'geojson';
                })
                .catch(() => replaceWithMessage(container, data.messageError));
        }
    });
}

document.querySelectorAll('[data-carte]').forEach(start);
