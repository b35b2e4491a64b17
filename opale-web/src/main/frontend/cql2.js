// The table's filters compiled to CQL2 text, exactly as the server does (TableFilters.java); both are checked
// against the same cases (src/test/resources/.../table-filters.json). See TableFilters for what people may type.

const COMPARISON = /^(<=|>=|<>|!=|=|<|>)?\s*(.+)$/s;
const RANGE = /^(.+?)\s*\.\.\s*(.+)$/s;
const NUMBER = /^[+-]?\d+([.,]\d+)?$/;
const YEAR = /^\d{4}$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

class FilterError extends Error {}

function contains(name, text) {
  return `CASEI(${name}) LIKE CASEI('%${text.replaceAll("'", "''")}%')`;
}

function bool(raw, column) {
  switch (raw.toLowerCase()) {
    case 'oui': case 'vrai': case 'true': case 'yes': case '1': return 'TRUE';
    case 'non': case 'faux': case 'false': case 'no': case '0': return 'FALSE';
    default: throw new FilterError(`« ${raw} » : écrivez oui ou non pour « ${column.title} ».`);
  }
}

function number(raw, column) {
  const plain = raw.replace(/[ \u00A0\u202F]/g, '');
  if (!NUMBER.test(plain)) {
    throw new FilterError(`« ${raw} » n'est pas un nombre (« ${column.title} ») : écrivez par exemple 12, > 1 000,5 ou 10..20.`);
  }
  return plainDecimal(plain.replace(',', '.'));
}

/** As Java's new BigDecimal(text).toPlainString(): sign kept, leading "+" dropped, digits as typed. */
function plainDecimal(text) {
  return text.replace(/^\+/, '').replace(/^(-?)0+(?=\d)/, '$1');
}

function pad(part) {
  return part.length === 1 ? `0${part}` : part;
}

function date(raw, column) {
  let text = raw.trim();
  const french = FRENCH_DATE.exec(text);
  if (french) {
    text = `${french[3]}-${pad(french[2])}-${pad(french[1])}`;
  }
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && (() => {
    const [y, m, d] = text.split('-').map(Number);
    const parsed = new Date(Date.UTC(y, m - 1, d));
    return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
  })();
  if (!valid) {
    throw new FilterError(`« ${raw} » n'est pas une date (« ${column.title} ») : écrivez par exemple 2024, 15/03/2024, > 2024-01-01 ou 2024-01-01..2024-06-30.`);
  }
  return text;
}

function compared(column, raw, literal) {
  const range = RANGE.exec(raw);
  if (range) {
    return `${column.name} BETWEEN ${literal(range[1])} AND ${literal(range[2])}`;
  }
  const comparison = COMPARISON.exec(raw);
  const operator = !comparison[1] ? '=' : comparison[1] === '!=' ? '<>' : comparison[1];
  return `${column.name} ${operator} ${literal(comparison[2])}`;
}

function dates(column, raw) {
  const comparison = COMPARISON.exec(raw);
  if (!RANGE.test(raw) && YEAR.test(comparison[2].trim())) {
    const year = comparison[2].trim();
    const operator = comparison[1];
    if (!operator || operator === '=') {
      return `${column.name} BETWEEN DATE('${year}-01-01') AND DATE('${year}-12-31')`;
    }
    switch (operator) {
      case '<': case '>=': return `${column.name} ${operator} DATE('${year}-01-01')`;
      case '>': case '<=': return `${column.name} ${operator} DATE('${year}-12-31')`;
      default: return `${column.name} NOT BETWEEN DATE('${year}-01-01') AND DATE('${year}-12-31')`;
    }
  }
  return compared(column, raw, (v) => `DATE('${date(v, column)}')`);
}

function condition(column, raw) {
  const lower = raw.toLowerCase();
  if (lower === 'vide') {
    return `${column.name} IS NULL`;
  }
  if (lower === 'non vide') {
    return `${column.name} IS NOT NULL`;
  }
  switch (column.type) {
    case 'TEXT': return contains(column.name, raw);
    case 'BOOLEAN': return `${column.name} = ${bool(raw, column)}`;
    case 'INTEGER': case 'DECIMAL': return compared(column, raw, (v) => number(v, column));
    default: return dates(column, raw);
  }
}

/**
 * @param columns [{name, title, type}] in table order
 * @param text    searched in every text column
 * @param filters {columnName: what its box holds}
 * @returns {{cql2: string|null, errors: Object<string,string>}} errors per column name ("" for the text search)
 */
export function compile(columns, text, filters) {
  const parts = [];
  const errors = {};
  if (text && text.trim()) {
    const any = columns.filter((c) => c.type === 'TEXT').map((c) => contains(c.name, text.trim()));
    if (any.length === 0) {
      errors[''] = 'Aucune colonne de texte où chercher.';
    } else {
      parts.push(any.length === 1 ? any[0] : `(${any.join(' OR ')})`);
    }
  }
  for (const column of columns) {
    const raw = filters[column.name];
    if (!raw || !raw.trim()) {
      continue;
    }
    try {
      parts.push(condition(column, raw.trim()));
    } catch (e) {
      if (!(e instanceof FilterError)) {
        throw e;
      }
      errors[column.name] = e.message;
    }
  }
  return { cql2: parts.length ? parts.join(' AND ') : null, errors };
}
