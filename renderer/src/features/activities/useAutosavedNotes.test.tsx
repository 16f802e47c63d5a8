import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { useEffect, useRef } from 'react';
import { createDoc } from '@shared/domain/documents';
import { newActivityFields } from '@shared/domain/activity-fields';
import type { Activity } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { useDocument } from '../../db/hooks';
import { useAutosavedNotes } from './useAutosavedNotes';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['activities'] });
  localStorage.clear();
});
afterEach(async () => {
  await db.close();
});

const shown = () => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value;
const stored = async (id: string) => (await db.activities.findOne(id).exec())!.toJSON() as Activity;

/**
 * The notes editor, with one keystroke made on the text the screen still showed when a colleague's
 * edit had just been taken in but not yet drawn: what happens when typing fast on a busy machine.
 */
function NotesWithAStaleKeystroke({ id, remote, onScreen, typed }: { id: string; remote: string; onScreen: string; typed: string }) {
  const doc = useDocument('activities', id);
  return doc ? <Editor doc={doc} remote={remote} onScreen={onScreen} typed={typed} /> : null;
}
function Editor({ doc, remote, onScreen, typed }: { doc: Activity; remote: string; onScreen: string; typed: string }) {
  const notes = useAutosavedNotes(doc.id, doc);
  const fired = useRef(false);
  // Runs right after the editor's own effects for this render: the colleague's text was taken in,
  // the screen was not redrawn yet, and the keystroke's value is computed from the old screen.
  useEffect(() => {
    if (doc.body !== remote || fired.current) return;
    fired.current = true;
    notes.onChange(onScreen + typed);
  });
  return <textarea aria-label="Anotações" value={notes.text ?? ''} onChange={(e) => notes.onChange(e.target.value)} />;
}

describe('autosaved notes', () => {
  it("keeps a colleague's edit that arrived while a keystroke was being made on the text not yet redrawn", async () => {
    const doc = createDoc<Activity>(newActivityFields({ type: 'meeting', summary: 'Reunião', body: 'Pauta\nPrazo: 30' }, Date.now() - 60_000, 'ana'), 'ana');
    await db.activities.insert(doc);
    const remote = 'Pauta da reunião com a Acme\nPrazo: 30';
    renderWithApp(<NotesWithAStaleKeystroke id={doc.id} remote={remote} onScreen={'Pauta\nPrazo: 30'} typed=" dias" />, { db });
    await waitFor(() => expect(shown()).toBe('Pauta\nPrazo: 30'));
    await (await db.activities.findOne(doc.id).exec())!.incrementalModify((d) => ({
      ...d,
      body: remote,
      fieldTimes: { ...d.fieldTimes, body: Date.now() },
      updatedBy: 'bruno',
    }));
    const merged = 'Pauta da reunião com a Acme\nPrazo: 30 dias';
    await waitFor(async () => expect((await stored(doc.id)).body).toBe(merged), { timeout: 3000 });
    await waitFor(() => expect(shown()).toBe(merged));
  });

  it("keeps the colleague's text in the conflict log when the stale keystroke changed the same words", async () => {
    const doc = createDoc<Activity>(newActivityFields({ type: 'meeting', summary: 'Reunião', body: 'Desconto: 5%' }, Date.now() - 60_000, 'ana'), 'ana');
    await db.activities.insert(doc);
    const remote = 'Desconto: 5% à vista';
    renderWithApp(<NotesWithAStaleKeystroke id={doc.id} remote={remote} onScreen="Desconto: 5%" typed=" no volume" />, { db });
    await waitFor(() => expect(shown()).toBe('Desconto: 5%'));
    await (await db.activities.findOne(doc.id).exec())!.incrementalModify((d) => ({
      ...d,
      body: remote,
      fieldTimes: { ...d.fieldTimes, body: Date.now() },
      updatedBy: 'bruno',
    }));
    await waitFor(async () => expect((await stored(doc.id)).body).toBe('Desconto: 5% no volume'), { timeout: 3000 });
    await waitFor(async () => expect(await db.conflicts.count().exec()).toBe(1));
    const [record] = await db.conflicts.find().exec();
    expect(record!.toJSON()).toMatchObject({ docId: doc.id, field: 'body', lostBy: 'bruno' });
    expect(JSON.parse(record!.lostValue)).toBe(remote);
  });
});
