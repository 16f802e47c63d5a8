import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  /** Spell-checking of what the user types (notes, e-mails); on by default. */
  spellcheck?: boolean;
}

/**
 * The one window's options. The webPreferences are the hardening Electron's security checklist
 * asks for; window-options.test.ts pins each of them so a refactor cannot quietly relax one.
 */
export function createWindowOptions({ preloadPath, spellcheck = true }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Carteira',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck,
    },
  };
}
