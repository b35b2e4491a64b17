import { describe, expect, it } from 'vitest';
import { statusTemplate } from '../../main/frontend/statut.js';

// The templates as dataset/table.jte writes them from the French bundle (dataset.table.status).
const french = {
  statusNone: 'Aucune ligne ne correspond.',
  statusOne: '1 ligne correspond ; ligne {first} affichée.',
  statusBeyond: '{matched} lignes correspondent ; aucune affichée.',
  statusSingle: '{matched} lignes correspondent ; ligne {first} affichée.',
  statusRange: '{matched} lignes correspondent ; lignes {first} à {last} affichées.',
};

describe('statusTemplate', () => {
  it('agrees with the numbers: none, one, one shown of many, a range', () => {
    expect(statusTemplate(french, 0, 0)).toBe(french.statusNone);
    expect(statusTemplate(french, 1, 1)).toBe(french.statusOne);
    expect(statusTemplate(french, 101, 1)).toBe(french.statusSingle);
    expect(statusTemplate(french, 101, 0)).toBe(french.statusBeyond);
    expect(statusTemplate(french, 1200, 50)).toBe(french.statusRange);
  });
});
