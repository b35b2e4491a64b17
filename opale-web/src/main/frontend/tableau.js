// The table tab, enhanced: sorting, paging and filters answered by the OGC API (CQL2 filter, sortby, offset) without
// reloading the page; the address follows (pushState), so Back, bookmarks and the server-rendered page agree.
// Without this script the same links and form reach the server, which renders the same table.
import { compile } from './cql2.js';
import { formatNumber, formatValue } from './format.js';
import { statusTemplate } from './statut.js';

const root = document.querySelector('[data-table]');
if (root) {
  enhance(root);
}

function state(url) {
  const params = url.searchParams;
  const filters = {};
  for (const [key, value] of params) {
    if (key.startsWith('f.') && value.trim()) {
      filters[key.slice(2)] = value;
    }
  }
  const sort = params.get('tri') || '';
  return {
    text: params.get('q') || '',
    filters,
    sort: sort.replace(/^-/, ''),
    descending: sort.startsWith('-'),
    page: Math.max(1, parseInt(params.get('page') || '1', 10) || 1),
    size: Math.min(200, Math.max(10, parseInt(params.get('taille') || '50', 10) || 50)),
    bbox: params.get('emprise') || '',
  };
}

function address(base, s) {
  const params = new URLSearchParams();
  if (s.text) params.set('q', s.text);
  for (const [name, value] of Object.entries(s.filters)) params.set(`f.${name}`, value);
  if (s.sort) params.set('tri', (s.descending ? '-' : '') + s.sort);
  if (s.bbox) params.set('emprise', s.bbox);
  if (s.size !== 50) params.set('taille', String(s.size));
  if (s.page > 1) params.set('page', String(s.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

function enhance(container) {
  const base = container.dataset.base;
  const collection = container.dataset.collection;
  const lang = document.documentElement.lang || 'fr';
  const columns = JSON.parse(container.dataset.columns);
  const form = document.getElementById('filtres');
  const status = document.getElementById('table-status');
  const body = container.querySelector('tbody');
  const pager = document.querySelectorAll('[data-pager]');
  let controller = null;

  async function show(s, push) {
    const url = address(base, s);
    const compiled = compile(columns, s.text, s.filters);
    if (Object.keys(compiled.errors).length) {
      // the server writes each column's message next to its box
      window.location.assign(url);
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const api = new URLSearchParams({ f: 'json', limit: String(s.size) });
    if (s.page > 1) api.set('offset', String((s.page - 1) * s.size));
    if (compiled.cql2) api.set('filter', compiled.cql2);
    if (s.sort) api.set('sortby', (s.descending ? '-' : '+') + s.sort);
    if (s.bbox) api.set('bbox', s.bbox);
    container.setAttribute('aria-busy', 'true');
    let answer;
    try {
      const response = await fetch(`/ogcapi/collections/${collection}/items?${api}`,
        { signal: controller.signal, headers: { Accept: 'application/geo+json' } });
      if (!response.ok) {
        window.location.assign(url);
        return;
      }
      answer = await response.json();
    } catch (e) {
      if (e.name === 'AbortError') return;
      window.location.assign(url);
      return;
    } finally {
      container.removeAttribute('aria-busy');
    }
    render(s, answer);
    if (push) {
      history.pushState({ table: true }, '', url);
    }
  }

  function render(s, answer) {
    const rows = answer.features.map((feature) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      const link = document.createElement('a');
      link.href = `/ogcapi/collections/${collection}/items/${feature.id}?f=html`;
      link.textContent = String(feature.id);
      th.append(link);
      tr.append(th);
      for (const column of columns) {
        const td = document.createElement('td');
        if (column.type === 'INTEGER' || column.type === 'DECIMAL') td.className = 'num';
        td.textContent = formatValue(feature.properties[column.name], column.type, lang);
        tr.append(td);
      }
      return tr;
    });
    body.replaceChildren(...rows);
    const matched = answer.numberMatched ?? rows.length;
    const first = rows.length ? (s.page - 1) * s.size + 1 : 0;
    const last = (s.page - 1) * s.size + rows.length;
    const lastPage = Math.max(1, Math.min(Math.ceil(matched / s.size), Math.floor(100000 / s.size) + 1));
    status.textContent = statusTemplate(container.dataset, matched, rows.length)
      .replace('{matched}', formatNumber(matched, lang)).replace('{first}', formatNumber(first, lang))
      .replace('{last}', formatNumber(last, lang));
    for (const th of container.querySelectorAll('thead th[data-column]')) {
      const name = th.dataset.column;
      th.setAttribute('aria-sort', name !== s.sort ? 'none' : s.descending ? 'descending' : 'ascending');
      const next = { ...s, sort: name, descending: name === s.sort && !s.descending, page: 1 };
      th.querySelector('a').href = address(base, next);
    }
    for (const nav of pager) {
      nav.querySelector('[data-page-text]').textContent = nav.dataset.pageTemplate
        .replace('{page}', formatNumber(s.page, lang)).replace('{pages}', formatNumber(lastPage, lang));
      link(nav.querySelector('[data-previous]'), s.page > 1 ? address(base, { ...s, page: s.page - 1 }) : null);
      link(nav.querySelector('[data-next]'), s.page < lastPage ? address(base, { ...s, page: s.page + 1 }) : null);
    }
  }

  function link(element, href) {
    if (href) {
      element.href = href;
      element.removeAttribute('aria-disabled');
      element.classList.remove('disabled');
    } else {
      element.removeAttribute('href');
      element.setAttribute('aria-disabled', 'true');
      element.classList.add('disabled');
    }
  }

  container.addEventListener('click', (event) => {
    const anchor = event.target.closest('a[data-table-link]');
    if (!anchor || !anchor.href || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    show(state(new URL(anchor.href)), true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(form.action);
    for (const [key, value] of new FormData(form)) {
      if (String(value).trim()) url.searchParams.append(key, String(value));
    }
    // the sort, extent and page size are the current address's (the form's hidden fields hold the first page's)
    const current = state(new URL(window.location.href));
    const typed = state(url);
    show({ ...current, text: typed.text, filters: typed.filters, page: 1 }, true).then(() => status.focus());
  });
  window.addEventListener('popstate', () => show(state(new URL(window.location.href)), false));
}
