import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  /** Spell-checking of what the user types (notes, e-mails); on by default. */
  spellcheck?: boolean;
  /** The page's background before it paints (windowBackground); light by default. */
  backgroundColor?: string;
}

/** Mantine's body colours: the light page of theme.ts and Mantine's dark-7. */
export const WINDOW_BACKGROUNDS = { light: '#f5f7fa', dark: '#242424' } as const;

/**
 * The window's colour before the renderer paints, matching the theme, so a dark-mode user does not
 * get a light flash on every start. 'auto' (and settings not read yet) follow the OS.
 */
export function windowBackground(theme: 'auto' | 'light' | 'dark' | undefined, systemDark: boolean): string {
  const dark = theme === 'dark' || ((theme === undefined || theme === 'auto') && systemDark);
  return dark ? WINDOW_BACKGROUNDS.dark : WINDOW_BACKGROUNDS.light;
}

/**
 * The one window's options. The webPreferences are the hardening Electron's security checklist
 * asks for; window-options.test.ts pins each of them so a refactor cannot quietly relax one.
 */
export function createWindowOptions({
  preloadPath,
  spellcheck = true,
  backgroundColor = WINDOW_BACKGROUNDS.light,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Carteira',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor,
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
