// The OGC API pages' entry (a few hundred bytes): imports the map module, and with it MapLibre and its stylesheet,
// only when the page has a map container. The stylesheet comes as a <link> Vite adds before the module runs.
if (document.querySelector('[data-carte]')) {
  import('./apercu-carte.js');
}
