// The presentation tab's small map of the record's extent (`data-etendue`: west,south,east,north in WGS 84): the box
// drawn over the built-in basemap (or the configured style), fitted to it, no interaction beyond zoom buttons. Loaded
// by fiche.js only when the record has an extent; the caption beside it is the text alternative, and without WebGL
// the container gives way to a French message.
import { Map, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { builtInStyle } from './fond.js';

setWorkerUrl(workerUrl);

function webglAvailable() {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') || canvas.getContext('webgl'));
  } catch (e) {
    return false;
  }
}

/** The box as a GeoJSON polygon; a box crossing the antimeridian (west > east) is drawn eastwards past 180°. */
export function boxPolygon([west, south, east, north]) {
  const eastward = east < west ? east + 360 : east;
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [[[west, south], [eastward, south], [eastward, north], [west, north], [west, south]]],
    },
  };
}

async function start(container) {
  const data = container.dataset;
  const box = data.etendue.split(',').map(Number);
  if (box.length !== 4 || box.some((v) => !Number.isFinite(v))) return;
  const message = () => {
    const paragraph = document.createElement('p');
    paragraph.className = 'carte-indisponible';
    paragraph.setAttribute('role', 'status');
    paragraph.textContent = data.messageWebgl;
    container.replaceWith(paragraph);
  };
  if (!webglAvailable()) {
    message();
    return;
  }
  const css = getComputedStyle(container);
  const read = (name, otherwise) => css.getPropertyValue(name).trim() || otherwise;
  const colour = {
    water: read('--carte-eau', '#dbe8f2'), land: read('--carte-terre', '#f7f5ef'),
    border: read('--carte-frontiere', '#8a8f98'), stroke: read('--carte-trait', '#003b5c'),
    fill: read('--carte-remplissage', '#0a58a3'),
  };
  let map;
  try {
    map = new Map({
      container, style: data.style || await builtInStyle(colour, { coarse: true }), bounds: [[box[0], box[1]],
        [box[2] < box[0] ? box[2] + 360 : box[2], box[3]]],
      fitBoundsOptions: { padding: 24, maxZoom: 14 }, attributionControl: { compact: true },
      locale: { 'Map.Title': container.getAttribute('aria-label') || '' },
    });
  } catch (e) {
    message();
    return;
  }
  map.addControl(new NavigationControl({ showCompass: false }));
  map.on('load', () => {
    map.addSource('etendue', { type: 'geojson', data: boxPolygon(box) });
    map.addLayer({ id: 'etendue-surface', type: 'fill', source: 'etendue',
      paint: { 'fill-color': colour.fill, 'fill-opacity': 0.15 } });
    map.addLayer({ id: 'etendue-contour', type: 'line', source: 'etendue',
      paint: { 'line-color': colour.stroke, 'line-width': 2 } });
    container.dataset.carteChargee = 'etendue';
  });
}

for (const container of document.querySelectorAll('[data-etendue]')) {
  start(container);
}
