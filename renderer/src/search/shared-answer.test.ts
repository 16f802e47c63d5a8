import { describe, expect, it } from 'vitest';
import { awaitAnswer, createAnswerBuffer, readAnswer, writeAnswer } from './shared-answer';

const hit = (id: string) => ({ kind: 'account' as const, id, title: `Conta ${id}`, detail: 'São Paulo — SP', score: 1 });

describe('answers in shared memory', () => {
  it('gives the answer to the query asked, and nothing for another one', () => {
    const buffer = new SharedArrayBuffer(16 + (1 << 18));
    writeAnswer(buffer, { seq: 7, query: 'sao p', hits: [hit('a'), hit('b')], ms: 1.5 });
    expect(readAnswer(buffer, 7)).toEqual({ seq: 7, query: 'sao p', hits: [hit('a'), hit('b')], ms: 1.5 });
    expect(readAnswer(buffer, 6)).toBeNull();
    writeAnswer(buffer, { seq: 8, query: 'sao pa', hits: [hit('c')], ms: 0.4 });
    expect(readAnswer(buffer, 7)).toBeNull();
    expect(readAnswer(buffer, 8)?.hits.map((h) => h.id)).toEqual(['c']);
  });

  it('leaves an answer too large for the buffer to the message, and gives up waiting after the budget', () => {
    const small = new SharedArrayBuffer(16 + 64);
    writeAnswer(small, { seq: 1, query: 'a', hits: [hit('a'), hit('b'), hit('c')], ms: 1 });
    expect(readAnswer(small, 1)).toBeNull();
    const started = performance.now();
    expect(awaitAnswer(small, 1, 5)).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(5);
  });

  it('is not used where the page is not cross-origin isolated', () => {
    expect(createAnswerBuffer()).toBeNull();
  });
});
