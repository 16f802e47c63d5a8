import type { MenuItemConstructorOptions } from 'electron';
import type { Locale, SyncStatus } from '../../shared/ipc';

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
