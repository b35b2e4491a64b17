// htmx (npm htmx.org, bundled here: one fingerprinted file, cached for a year) starts on import and reads its
// configuration from the page's <meta name="htmx-config">. Its ES module sets no global: window.htmx as the
// classic script did, for whoever looks for it (the browser tests wait on it).
import htmx from 'htmx.org';

window.htmx = htmx;

/*
 * Catalogue search, progressive enhancement on top of htmx (which sends the form and swaps #resultats).
 * The page works without this file and without htmx: the form is a plain GET form with a "Filtrer" button.
 * Kept out of the HTML: the Content-Security-Policy allows scripts from 'self' only, no inline handlers.
 */
(function () {
  'use strict';

  // Typing in the text box must not search when the box loses focus (the form refreshes on every "change"):
  // the text is searched on Enter or with the "Rechercher" button (a "submit").
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof Element && target.hasAttribute('data-no-auto-submit')) {
      event.stopPropagation();
    }
  }, true);

  // After a refresh, htmx gives the focus back to the field that had it (same id). When that element is gone
  // (a removed filter chip, a page link), the focus would fall back to the top of the page: move it to the
  // result count instead, so keyboard and screen reader users carry on from the results.
  document.addEventListener('htmx:afterSettle', function (event) {
    var active = document.activeElement;
    if (!active || active === document.body || !document.body.contains(active)) {
      var heading = document.getElementById('results-heading');
      if (heading) {
        heading.focus({ preventScroll: false });
      }
    }
  });

  // On a phone the facet panel folds behind a "Filtres (n actifs)" button. The state survives htmx refreshes
  // (which replace the panel) in this variable; on wide screens the panel is always open and the button hidden.
  var narrow = window.matchMedia('(max-width: 60rem)');
  var facetsOpen = false;

  function foldFacets() {
    var toggle = document.querySelector('.facets-toggle');
    var panel = document.getElementById('facets-panel');
    if (!toggle || !panel) {
      return;
    }
    var folding = narrow.matches;
    toggle.hidden = !folding;
    var open = !folding || facetsOpen;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  }

  document.addEventListener('click', function (event) {
    var toggle = event.target instanceof Element ? event.target.closest('.facets-toggle') : null;
    if (toggle) {
      facetsOpen = toggle.getAttribute('aria-expanded') !== 'true';
      foldFacets();
      if (facetsOpen) {
        var first = document.querySelector('#facets-panel input, #facets-panel summary, #facets-panel a');
        if (first) {
          first.focus();
        }
      }
    }
  });
  document.addEventListener('htmx:afterSettle', foldFacets);
  narrow.addEventListener('change', foldFacets);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', foldFacets);
  } else {
    foldFacets();
  }
})();
