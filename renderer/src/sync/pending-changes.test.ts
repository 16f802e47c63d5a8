import { describe, expect, it } from 'vitest';
import { PendingChanges } from './pending-changes';

function memoryStorage() {
  const data = new Map<string, string>();
  let writes = 0;
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      writes += 1;
      data.set(k, v);
    },
    get writes() {
      return writes;
    },
  };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('pending changes', () => {
  it('counts local changes until acknowledged and survives a restart', async () => {
    const storage = memoryStorage();
    const pending = new PendingChanges('k', storage);
    pending.add(['a', 'b', 'a']);
    pending.acknowledge(['b']);
    expect(pending.size).toBe(1);
    await tick();
    expect(new PendingChanges('k', storage).size).toBe(1);
  });

  it('writes once per burst, not once per document', async () => {
    const storage = memoryStorage();
    const pending = new PendingChanges('k', storage);
    for (let i = 0; i < 5000; i++) pending.add([`doc${i}`]);
    for (let i = 0; i < 5000; i++) pending.acknowledge([`doc${i}`]);
    await tick();
    expect(storage.writes).toBe(1);
    expect(new PendingChanges('k', storage).size).toBe(0);
  });

  it('keeps counting when storage is full', async () => {
    const pending = new PendingChanges('k', {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    pending.add(['a']);
    await tick();
    expect(pending.size).toBe(1);
  });
});
