import type { MenuItemConstructorOptions } from 'electron';
import type { Locale, SyncStatus } from '../../shared/ipc';
import type { SyncService } from '../services/sync';

/** What the tray shows about sync, derived from main's sync status. */
export type TraySyncState = 'local' | 'signedOut' | 'offline' | 'online' | 'paused';

export function traySyncState(status: Pick<SyncStatus, 'configured' | 'signedIn' | 'connectivity'>, paused: boolean): TraySyncState {
  if (!status.configured) return 'local';
  if (paused) return 'paused';
  if (!status.signedIn) return 'signedOut';
  return status.connectivity === 'online' ? 'online' : 'offline';
}

interface TrayLabels {
  states: Record<TraySyncState, string>;
  syncNow: string;
  pause: string;
  resume: string;
  open: string;
  quit: string;
}

export const TRAY_LABELS: Record<Locale, TrayLabels> = {
  'pt-BR': {
    states: {
      local: 'Só neste computador',
      signedOut: 'Sincronização: entre no servidor',
      offline: 'Sem conexão: as alterações esperam a rede',
      online: 'Sincronizado com a equipe',
      paused: 'Sincronização pausada',
    },
    syncNow: 'Sincronizar agora',
    pause: 'Pausar sincronização',
    resume: 'Retomar sincronização',
    open: 'Abrir Carteira',
    quit: 'Sair',
  },
  'pt-PT': {
    states: {
      local: 'Apenas neste computador',
      signedOut: 'Sincronização: inicie sessão no servidor',
      offline: 'Sem ligação: as alterações aguardam a rede',
      online: 'Sincronizado com a equipa',
      paused: 'Sincronização em pausa',
    },
    syncNow: 'Sincronizar agora',
    pause: 'Pausar sincronização',
    resume: 'Retomar sincronização',
    open: 'Abrir Carteira',
    quit: 'Sair',
  },
  en: {
    states: {
      local: 'On this computer only',
      signedOut: 'Sync: sign in to the server',
      offline: 'Offline: changes wait for the network',
      online: 'In sync with the team',
      paused: 'Sync paused',
    },
    syncNow: 'Sync now',
    pause: 'Pause sync',
    resume: 'Resume sync',
    open: 'Open Carteira',
    quit: 'Quit',
  },
};

export interface TrayActions {
  open(): void;
  quit(): void;
  /** Absent while sync cannot be driven from main; the items are then left out rather than shown dead. */
  syncNow?: () => void;
  setPaused?: (paused: boolean) => void;
}

/** The tray's tooltip: the app name and the sync state. */
export function trayTooltip(state: TraySyncState, locale: Locale | undefined): string {
  return `Carteira — ${TRAY_LABELS[locale ?? 'pt-BR'].states[state]}`;
}

/**
 * The tray menu: the sync state (as a disabled line), then the sync commands where sync is set up,
 * then open and quit. Rebuilt by main when the state or the language changes.
 */
export function buildTrayMenuTemplate(state: TraySyncState, locale: Locale | undefined, actions: TrayActions): MenuItemConstructorOptions[] {
  const l = TRAY_LABELS[locale ?? 'pt-BR'];
  const sync: MenuItemConstructorOptions[] = [];
  if (state !== 'local') {
    if (actions.syncNow && state !== 'paused') sync.push({ label: l.syncNow, enabled: state === 'online', click: actions.syncNow });
    const setPaused = actions.setPaused;
    if (setPaused) sync.push(state === 'paused' ? { label: l.resume, click: () => setPaused(false) } : { label: l.pause, click: () => setPaused(true) });
  }
  return [
    { label: l.states[state], enabled: false },
    { type: 'separator' },
    ...(sync.length ? [...sync, { type: 'separator' } as const] : []),
    { label: l.open, click: actions.open },
    { label: l.quit, click: actions.quit },
  ];
}

/** The parts of Electron's Tray, Menu and the sync service the tray uses; tests hand in fakes. */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  isDestroyed(): boolean;
  destroy(): void;
}
export interface SyncTrayOptions {
  tray: TrayLike;
  buildMenu(template: MenuItemConstructorOptions[]): unknown;
  sync: Pick<SyncService, 'status' | 'onConnectivity' | 'onStatusChanged' | 'command' | 'paused'>;
  locale(): Locale | undefined;
  open(): void;
  quit(): void;
}

/**
 * The tray icon: its tooltip and menu follow main's sync status (rebuilt on every status,
 * connectivity or language change), and its sync commands go to the renderer's replication
 * through the sync service (`sync:command`).
 */
export function createSyncTray({ tray, buildMenu, sync, locale, open, quit }: SyncTrayOptions) {
  let disposed = false;
  let queue = Promise.resolve();
  const actions: TrayActions = {
    open,
    quit,
    syncNow: () => sync.command('syncNow'),
    setPaused: (paused) => {
      sync.command(paused ? 'pause' : 'resume');
      void refresh();
    },
  };

  async function render(): Promise<void> {
    const status = await sync.status().catch(() => null);
    if (!status || disposed || tray.isDestroyed()) return;
    const state = traySyncState(status, sync.paused);
    tray.setToolTip(trayTooltip(state, locale()));
    tray.setContextMenu(buildMenu(buildTrayMenuTemplate(state, locale(), actions)));
  }

  /** One rebuild at a time, in order, so a late status never overwrites a newer one. */
  function refresh(): Promise<void> {
    queue = queue.then(render, render);
    return queue;
  }

  tray.on('click', open);
  const unsubscribers = [sync.onConnectivity(() => void refresh()), sync.onStatusChanged(() => void refresh())];
  void refresh();
  return {
    refresh,
    dispose() {
      disposed = true;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
