/*
 * On a phone the header keeps one line: the navigation folds behind a "Menu" button (aria-expanded). Without this
 * file the button stays hidden and the navigation open, so every page works without JavaScript.
 */
(function () {
  'use strict';
  var narrow = window.matchMedia('(max-width: 48rem)');
  var open = false;

  function fold() {
    var toggle = document.querySelector('.menu-toggle');
    var nav = document.getElementById('navigation');
    if (!toggle || !nav) {
      return;
    }
    toggle.hidden = !narrow.matches;
    var shown = !narrow.matches || open;
    nav.hidden = !shown;
    toggle.setAttribute('aria-expanded', String(shown));
  }

  document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('.menu-toggle')) {
      open = !open;
      fold();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && open && narrow.matches) {
      open = false;
      fold();
      document.querySelector('.menu-toggle').focus();
    }
  });
  narrow.addEventListener('change', fold);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fold);
  } else {
    fold();
  }
})();
