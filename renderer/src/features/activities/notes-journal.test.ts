import { describe, expect, it } from 'vitest';
import { clearJournal, journalIsNewer, readJournal, writeJournal } from './notes-journal';

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('notes crash journal', () => {
  it('keeps the latest text per activity with its time', () => {
    const s = memoryStore();
    writeJournal(s, 'a1', 'Pauta', 100);
    writeJournal(s, 'a1', 'Pauta: preço', 200);
    writeJournal(s, 'a2', 'outra', 150);
    expect(readJournal(s, 'a1')).toEqual({ text: 'Pauta: preço', at: 200 });
    expect(readJournal(s, 'zz')).toBeNull();
  });

  it('is cleared only when the database holds what it says', () => {
    const s = memoryStore();
    writeJournal(s, 'a1', 'v2', 200);
    clearJournal(s, 'a1', 'v1'); // an older write finished after a newer keystroke
    expect(readJournal(s, 'a1')?.text).toBe('v2');
    clearJournal(s, 'a1', 'v2');
    expect(readJournal(s, 'a1')).toBeNull();
  });

  it('restores only what is newer than the body and different from it', () => {
    const doc = { body: 'salvo', fieldTimes: { body: 1000 }, updatedAt: 1500 };
    expect(journalIsNewer({ text: 'salvo + digitado', at: 1200 }, doc)).toBe(true);
    expect(journalIsNewer({ text: 'antigo', at: 900 }, doc)).toBe(false);
    expect(journalIsNewer({ text: 'salvo', at: 1200 }, doc)).toBe(false);
  });

  it('ignores a corrupt entry', () => {
    const s = memoryStore();
    s.setItem('carteira.notes-journal.a1', '{not json');
    expect(readJournal(s, 'a1')).toBeNull();
  });
});

describe('notes crash journal: the text typed over', () => {
  it('keeps the stored notes the typing started from, for a three-way merge on restore', () => {
    const s = memoryStore();
    writeJournal(s, 'a1', 'Pauta\nPrazo', 300, 'Pauta\n');
    expect(readJournal(s, 'a1')).toEqual({ text: 'Pauta\nPrazo', at: 300, base: 'Pauta\n' });
    s.setItem('carteira.notes-journal.a2', JSON.stringify({ text: 'x', at: 1, base: 42 }));
    expect(readJournal(s, 'a2')).toBeNull();
  });
});
