import { describe, expect, it } from 'vitest';
import { createWindowOptions, windowBackground, WINDOW_BACKGROUNDS } from './window-options';

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

describe('windowBackground', () => {
  it('paints the window dark before the page loads when the theme is dark, so it does not flash light', () => {
    expect(windowBackground('dark', false)).toBe(WINDOW_BACKGROUNDS.dark);
    expect(windowBackground('light', true)).toBe(WINDOW_BACKGROUNDS.light);
    expect(windowBackground('auto', true)).toBe(WINDOW_BACKGROUNDS.dark);
    expect(windowBackground(undefined, true)).toBe(WINDOW_BACKGROUNDS.dark);
    expect(windowBackground('auto', false)).toBe(WINDOW_BACKGROUNDS.light);
    expect(createWindowOptions({ preloadPath: 'p', backgroundColor: windowBackground('dark', false) }).backgroundColor).toBe('#242424');
    expect(createWindowOptions({ preloadPath: 'p' }).backgroundColor).toBe('#f5f7fa');
  });
});
