// The dataset page's only eager script (a few hundred bytes): each tab's heavy module is imported on that tab only,
// so the presentation never downloads MapLibre or ECharts.
const loaders = {
  tableau: () => import('./tableau.js'),
  carte: () => import('./carte.js'),
  graphique: () => import('./graphique.js'),
};

for (const element of document.querySelectorAll('[data-module]')) {
  const load = loaders[element.dataset.module];
  if (load) {
    load();
  }
}
