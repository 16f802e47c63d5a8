import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/ipc';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only in unpackaged builds: a packaged app should not invite pasting scripts. */
  isPackaged: boolean;
  /** The app's language (settings); undefined until settings are read, which means the default pt-BR. */
  locale?: Locale;
}

/** Every label the menu shows. Electron's role labels are English on Windows and Linux. */
export interface MenuLabels {
  app: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quit: string;
  file: string;
  close: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  pasteAndMatchStyle: string;
  delete: string;
  selectAll: string;
  view: string;
  reload: string;
  devTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  window: string;
  minimize: string;
  zoom: string;
  front: string;
}

export const MENU_LABELS: Record<Locale, MenuLabels> = {
  'pt-BR': {
    app: 'Carteira',
    about: 'Sobre o Carteira',
    services: 'Serviços',
    hide: 'Ocultar o Carteira',
    hideOthers: 'Ocultar os demais',
    showAll: 'Mostrar todos',
    quit: 'Sair do Carteira',
    file: 'Arquivo',
    close: 'Fechar janela',
    edit: 'Editar',
    undo: 'Desfazer',
    redo: 'Refazer',
    cut: 'Recortar',
    copy: 'Copiar',
    paste: 'Colar',
    pasteAndMatchStyle: 'Colar sem formatação',
    delete: 'Excluir',
    selectAll: 'Selecionar tudo',
    view: 'Exibir',
    reload: 'Recarregar',
    devTools: 'Ferramentas do desenvolvedor',
    resetZoom: 'Tamanho original',
    zoomIn: 'Aumentar',
    zoomOut: 'Diminuir',
    fullScreen: 'Tela cheia',
    window: 'Janela',
    minimize: 'Minimizar',
    zoom: 'Ampliar janela',
    front: 'Trazer tudo para a frente',
  },
  'pt-PT': {
    app: 'Carteira',
    about: 'Acerca do Carteira',
    services: 'Serviços',
    hide: 'Ocultar o Carteira',
    hideOthers: 'Ocultar os outros',
    showAll: 'Mostrar tudo',
    quit: 'Sair do Carteira',
    file: 'Ficheiro',
    close: 'Fechar janela',
    edit: 'Editar',
    undo: 'Anular',
    redo: 'Refazer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Colar',
    pasteAndMatchStyle: 'Colar sem formatação',
    delete: 'Eliminar',
    selectAll: 'Selecionar tudo',
    view: 'Ver',
    reload: 'Recarregar',
    devTools: 'Ferramentas de programador',
    resetZoom: 'Tamanho original',
    zoomIn: 'Aumentar',
    zoomOut: 'Reduzir',
    fullScreen: 'Ecrã inteiro',
    window: 'Janela',
    minimize: 'Minimizar',
    zoom: 'Ampliar janela',
    front: 'Trazer tudo para a frente',
  },
  en: {
    app: 'Carteira',
    about: 'About Carteira',
    services: 'Services',
    hide: 'Hide Carteira',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit Carteira',
    file: 'File',
    close: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
  },
};

/**
 * The application menu, every item labelled in the app's language. Items keep Electron's roles for
 * their behaviour and standard shortcuts (copy/paste, undo, zoom, quit); app features live in the UI
 * and its command palette. Rebuilt by main when the language changes.
 */
export function buildMenuTemplate({ platform, isPackaged, locale = 'pt-BR' }: MenuOptions): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[locale];
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const appMenu: MenuItemConstructorOptions = {
    label: l.app,
    role: 'appMenu',
    submenu: [
      { role: 'about', label: l.about },
      sep,
      { role: 'services', label: l.services },
      sep,
      { role: 'hide', label: l.hide },
      { role: 'hideOthers', label: l.hideOthers },
      { role: 'unhide', label: l.showAll },
      sep,
      { role: 'quit', label: l.quit },
    ],
  };
  // Outside macOS, quitting lives in the File menu (Ctrl+Q from the role).
  const file: MenuItemConstructorOptions[] = mac
    ? [{ role: 'close', label: l.close }]
    : [
        { role: 'close', label: l.close },
        { role: 'quit', label: l.quit },
      ];
  const edit: MenuItemConstructorOptions[] = [
    { role: 'undo', label: l.undo },
    { role: 'redo', label: l.redo },
    sep,
    { role: 'cut', label: l.cut },
    { role: 'copy', label: l.copy },
    { role: 'paste', label: l.paste },
    ...(mac ? [{ role: 'pasteAndMatchStyle', label: l.pasteAndMatchStyle } as const] : []),
    { role: 'delete', label: l.delete },
    sep,
    { role: 'selectAll', label: l.selectAll },
  ];
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: l.reload },
    ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: l.devTools } as const]),
    sep,
    { role: 'resetZoom', label: l.resetZoom },
    { role: 'zoomIn', label: l.zoomIn },
    { role: 'zoomOut', label: l.zoomOut },
    sep,
    { role: 'togglefullscreen', label: l.fullScreen },
  ];
  const window: MenuItemConstructorOptions[] = [
    { role: 'minimize', label: l.minimize },
    // Zoom and "bring all to front" exist only on macOS.
    ...(mac ? [{ role: 'zoom', label: l.zoom } as const, sep, { role: 'front', label: l.front } as const] : [{ role: 'close', label: l.close } as const]),
  ];
  return [
    ...(mac ? [appMenu] : []),
    { label: l.file, role: 'fileMenu', submenu: file },
    { label: l.edit, role: 'editMenu', submenu: edit },
    { label: l.view, submenu: view },
    { label: l.window, role: 'windowMenu', submenu: window },
  ];
}
