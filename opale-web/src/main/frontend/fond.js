// The basemap built into Opale: countries of Natural Earth 1:50m (npm world-atlas, served as one of our own
// fingerprinted assets) as land over a water background, with their borders. No tile server, no glyphs, no sprite:
// it draws offline. A configured style URL (opale.web.map-style-url) replaces it.
import { feature, mesh } from 'topojson-client';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import coarseCountriesUrl from 'world-atlas/countries-110m.json?url';

/**
 * The built-in style in `colour`s. `coarse`: Natural Earth 1:110m, a tenth of the 1:50m's weight, enough for a small
 * map of an extent (the presentation tab's) that shows where, not what.
 */
export async function builtInStyle(colour, { coarse = false } = {}) {
  const style = {
    version: 8,
    sources: {},
    layers: [{ id: 'eau', type: 'background', paint: { 'background-color': colour.water } }],
  };
  try {
    const response = await fetch(coarse ? coarseCountriesUrl : countriesUrl);
    const topology = await response.json();
    style.sources.terres = { type: 'geojson', data: feature(topology, topology.objects.countries) };
    style.sources.frontieres = {
      type: 'geojson', data: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
    style.layers.push({ id: 'terres', type: 'fill', source: 'terres', paint: { 'fill-color': colour.land } });
    style.layers.push({
      id: 'frontieres', type: 'line', source: 'frontieres',
      paint: { 'line-color': colour.border, 'line-width': 1, 'line-dasharray': [3, 2] },
    });
  } catch (e) {
    // the background alone still shows the data
  }
  return style;
}
