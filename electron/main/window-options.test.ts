import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options';

describe('createWindowOptions', () => {
  it('keeps the renderer isolated, sandboxed and without Node', () => {
    const { webPreferences } = createWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs' });
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it('lets the caller turn spell-checking off and starts hidden', () => {
    const options = createWindowOptions({ preloadPath: 'p', spellcheck: false });
    expect(options.webPreferences?.spellcheck).toBe(false);
    expect(options.show).toBe(false);
  });
});
