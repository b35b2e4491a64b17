// The API console (/api/console): Swagger UI (npm swagger-ui-dist, served by the application, never a CDN), imported
// on this page only: this entry is a few hundred bytes, the 1.7 MB bundle and its styles a chunk of their own.
// Opale's API (/api/openapi.json) or the OGC API (/ogcapi/api), chosen by the page's link; no validator badge (it
// would call an outside server), requests only to this origin (the Content-Security-Policy allows no other).
const root = document.getElementById('console');
if (root) {
  const [{ default: SwaggerUI }] = await Promise.all([
    import('swagger-ui-dist/swagger-ui-es-bundle.js'),
    import('swagger-ui-dist/swagger-ui.css'),
  ]);
  root.removeAttribute('aria-busy');
  root.querySelector('.console-loading')?.remove();
  // Swagger UI leaves some <select> without a name (axe: critical): name them, now and as operations open.
  const nameSelects = () => {
    for (const select of root.querySelectorAll('select:not([aria-label]):not([aria-labelledby])')) {
      select.setAttribute('aria-label', select.id === 'servers' || select.closest('.servers') ? root.dataset.labelServer : root.dataset.labelMedia);
    }
  };
  new MutationObserver(nameSelects).observe(root, { childList: true, subtree: true });
  SwaggerUI({
    domNode: root,
    url: root.dataset.url,
    validatorUrl: null,
    deepLinking: false,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    withCredentials: true,
  });
}
