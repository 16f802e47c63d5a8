import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, type BuiltElectron } from './build-electron';

let outDir: string;
let built: BuiltElectron;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'carteira-build-'));
  built = await buildElectron({ outDir });
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('buildElectron', () => {
  it('bundles the preload into one file that requires nothing but electron (sandbox rule)', async () => {
    const code = await readFile(built.preloadFile, 'utf8');
    expect(requiredModules(code)).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld');
    // zod stays out: the preload only takes the channel-name constants.
    expect(code).not.toContain('ZodError');
  });

  it('bundles main with every dependency inlined except electron and Node built-ins', async () => {
    const code = await readFile(built.mainFile, 'utf8');
    const external = requiredModules(code).filter((m) => m !== 'electron');
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(external.filter((m) => !builtins.has(m))).toEqual([]);
    expect(requiredModules(code)).toContain('electron');
    expect(code).toContain('settings.json');
    expect(code).toContain('requestSingleInstanceLock');
  });
});
