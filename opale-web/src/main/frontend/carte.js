// The map tab: the dataset's vector tiles (any size: the server cuts and generalises them) over a basemap, fitted to
// the dataset's extent; a click or Enter on a feature shows its attributes; the link below the map shows the features
// of the current view in the table. Loaded only on this tab. The text alternative (counts, extent, links) is in the
// page; without WebGL the container is replaced by a French message.
import { Map, NavigationControl, Popup } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { builtInStyle } from './fond.js';
import { formatValue } from './format.js';

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

function colours(container) {
  const style = getComputedStyle(container);
  const read = (name, otherwise) => style.getPropertyValue(name).trim() || otherwise;
  return {
    water: read('--carte-eau', '#dbe8f2'),
    land: read('--carte-terre', '#f7f5ef'),
    border: read('--carte-frontiere', '#8a8f98'),
    stroke: read('--carte-trait', '#003b5c'),
    fill: read('--carte-remplissage', '#0a58a3'),
    outline: read('--carte-contour', '#ffffff'),
  };
}

function dataLayers(map, colour, layer) {
  const common = { source: SOURCE, 'source-layer': layer };
  map.addLayer({ id: 'surfaces', type: 'fill', ...common, filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': colour.fill, 'fill-opacity': 0.35 } });
  map.addLayer({ id: 'contours', type: 'line', ...common, filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': colour.stroke, 'line-width': 1.5 } });
  map.addLayer({ id: 'lignes', type: 'line', ...common, filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': colour.stroke, 'line-width': 2.5 } });
  map.addLayer({ id: 'points', type: 'circle', ...common, filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': colour.fill, 'circle-radius': 5, 'circle-stroke-color': colour.outline,
      'circle-stroke-width': 1.5 } });
  return ['surfaces', 'lignes', 'points'];
}

function attributes(properties, columns, lang) {
  const table = document.createElement('table');
  table.className = 'carte-attributs';
  for (const column of columns) {
    if (!(column.name in properties)) continue;
    const row = table.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = column.title;
    const td = row.insertCell();
    td.textContent = formatValue(properties[column.name], column.type, lang);
    row.prepend(th);
  }
  return table;
}

function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}

async function start(container) {
  const data = container.dataset;
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
  const colour = colours(container);
  const lang = document.documentElement.lang || 'fr';
  const columns = JSON.parse(data.columns || '[]');
  const style = data.style || await builtInStyle(colour);
  let map;
  try {
    map = new Map({
      container, style, center: [3.06, 50.63], zoom: 9, attributionControl: { compact: true },
      locale: { 'Map.Title': container.getAttribute('aria-label') || '',
        'NavigationControl.ZoomIn': data.zoomIn, 'NavigationControl.ZoomOut': data.zoomOut },
    });
  } catch (e) {
    message();
    return;
  }
  map.addControl(new NavigationControl({ showCompass: false }));
  if (data.bbox) {
    const b = data.bbox.split(',').map(Number);
    map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 30, maxZoom: 16, duration: 0 });
  }
  const extentLink = document.querySelector('[data-extent-link]');
  const updateExtent = () => {
    if (!extentLink) return;
    const bounds = map.getBounds();
    const box = [clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -90, 90),
      clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -90, 90)].map((v) => v.toFixed(5));
    extentLink.href = `${extentLink.dataset.base}?emprise=${box.join(',')}`;
    extentLink.hidden = false;
  };
  map.on('moveend', updateExtent);
  map.on('load', () => {
    const origin = window.location.origin;
    map.addSource(SOURCE, { type: 'vector', tiles: [origin + data.tiles], minzoom: 0, maxzoom: 16 });
    const clickable = dataLayers(map, colour, data.layer);
    for (const id of clickable) {
      map.on('click', id, (event) => {
        const feature = event.features[0];
        new Popup({ maxWidth: '22rem' }).setLngLat(event.lngLat)
          .setDOMContent(attributes(feature.properties, columns, lang)).addTo(map);
      });
      map.on('mouseenter', id, () => { map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', id, () => { map.getCanvas().style.cursor = ''; });
    }
    container.dataset.carteChargee = 'tuiles';
    updateExtent();
  });
}

for (const container of document.querySelectorAll('[data-dataset-map]')) {
  start(container);
}
