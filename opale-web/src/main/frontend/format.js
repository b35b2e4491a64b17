// Cell values as people read them, exactly as the server writes them (FrenchValues.java): numbers with a narrow
// no-break space between thousands and a decimal comma (4 521,5), dates in words with the French ordinal of the
// first day (1er janvier 2025), times in Europe/Paris, booleans as oui/non. English pages: 4,521.5, January 1, 2025.

const ZONE = 'Europe/Paris';

function numberFormat(lang) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'fr-FR', { maximumFractionDigits: 20, useGrouping: true });
}

/** A number (or its decimal text, e.g. "12.50") as written on the page. */
export function formatNumber(value, lang = 'fr') {
  const text = String(value);
  // decimals of the text kept as given (a double would round 0.1 + 0.2), trailing zeros dropped
  const match = /^(-?)(\d+)(?:\.(\d*?)0*)?$/.exec(text);
  if (!match) {
    return numberFormat(lang).format(Number(value));
  }
  const [, sign, whole, decimals] = match;
  const grouped = numberFormat(lang).format(BigInt(whole));
  const point = lang === 'en' ? '.' : ',';
  const signed = sign && (BigInt(whole) !== 0n || decimals) ? '-' : '';
  return signed + grouped + (decimals ? point + decimals : '');
}

/** "2025-01-01" as "1er janvier 2025" (or "January 1, 2025"). */
export function formatDate(iso, lang = 'fr') {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'fr-FR',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return lang !== 'en' && day === 1 ? text.replace(/^1 /, '1er ') : text;
}

/** An ISO 8601 instant as its day and time in Europe/Paris: "1er janvier 2025 à 14:30". */
export function formatTimestamp(iso, lang = 'fr') {
  const instant = new Date(iso);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant).map((p) => [p.type, p.value]));
  const day = formatDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  return `${day} ${lang === 'en' ? 'at' : 'à'} ${parts.hour}:${parts.minute}`;
}

/** A cell of a column of type INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP or TEXT; empty for null. */
export function formatValue(value, type, lang = 'fr') {
  if (value === null || value === undefined) {
    return '';
  }
  switch (type) {
    case 'INTEGER':
    case 'DECIMAL':
      return formatNumber(value, lang);
    case 'DATE':
      return formatDate(String(value), lang);
    case 'TIMESTAMP':
      return formatTimestamp(String(value), lang);
    case 'BOOLEAN':
      return lang === 'en' ? (value ? 'yes' : 'no') : (value ? 'oui' : 'non');
    default:
      return String(value);
  }
}
