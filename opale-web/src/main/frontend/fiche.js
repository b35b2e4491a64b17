// The dataset page's only eager script (a few hundred bytes): each tab's heavy module is imported on that tab only,
// so the presentation never downloads ECharts. The presentation's small extent map (`data-quand="visible"`) imports
// MapLibre only when the map comes near the screen: the page's first load stays a few kilobytes of script.
const loaders = {
  tableau: () => import('./tableau.js'),
  carte: () => import('./carte.js'),
  graphique: () => import('./graphique.js'),
  etendue: () => import('./etendue.js'),
};

function whenVisible(element, load) {
  if (!('IntersectionObserver' in window)) {
    load();
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      load();
    }
  }, { rootMargin: '200px' });
  observer.observe(element);
}

for (const element of document.querySelectorAll('[data-module]')) {
  const load = loaders[element.dataset.module];
  if (!load) continue;
  if (element.dataset.quand === 'visible') {
    whenVisible(element, load);
  } else {
    load();
  }
}
