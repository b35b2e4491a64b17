import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../main/frontend/cql2.js';

// the same cases as TableFiltersTest.java: the page's script and the server compile filters alike
const fixture = JSON.parse(readFileSync(new URL('../resources/fr/mel/opale/web/dataset/table-filters.json',
  import.meta.url), 'utf8'));

describe('compile', () => {
  for (const example of fixture.cases) {
    it(`${example.text} ${JSON.stringify(example.filters)}`, () => {
      const compiled = compile(fixture.columns, example.text, example.filters);
      expect(compiled.cql2).toBe(example.cql2);
      expect(compiled.errors).toEqual(example.errors);
    });
  }

  it('finds no text column to search in a table of numbers', () => {
    const compiled = compile([{ name: 'n', title: 'N', type: 'INTEGER' }], 'x', {});
    expect(compiled.cql2).toBeNull();
    expect(compiled.errors['']).toBe('Aucune colonne de texte où chercher.');
  });
});
