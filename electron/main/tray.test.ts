import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { ConnectivityEvent, SyncCommand, SyncStatus } from '../../shared/ipc';
import { buildTrayMenuTemplate, createSyncTray, TRAY_LABELS, traySyncState, trayTooltip } from './tray';

const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const click = (items: MenuItemConstructorOptions[], label: string) => (items.find((i) => i.label === label)!.click as () => void)();

describe('traySyncState', () => {
  it('follows the sync status', () => {
    expect(traySyncState({ configured: false, signedIn: false, connectivity: 'unknown' }, false)).toBe('local');
    expect(traySyncState({ configured: true, signedIn: false, connectivity: 'online' }, false)).toBe('signedOut');
    expect(traySyncState({ configured: true, signedIn: true, connectivity: 'offline' }, false)).toBe('offline');
    expect(traySyncState({ configured: true, signedIn: true, connectivity: 'online' }, false)).toBe('online');
    expect(traySyncState({ configured: true, signedIn: true, connectivity: 'online' }, true)).toBe('paused');
  });
});

describe('buildTrayMenuTemplate', () => {
  it('shows the state and every command in Portuguese, each doing its job', () => {
    const done: string[] = [];
    const actions = {
      open: () => done.push('open'),
      quit: () => done.push('quit'),
      syncNow: () => done.push('sync'),
      setPaused: (p: boolean) => done.push(`paused:${p}`),
    };
    const online = buildTrayMenuTemplate('online', 'pt-BR', actions);
    expect(labels(online)).toEqual(['Sincronizado com a equipe', 'Sincronizar agora', 'Pausar sincronização', 'Abrir Carteira', 'Sair']);
    expect(online[0]!.enabled).toBe(false);
    for (const label of ['Sincronizar agora', 'Pausar sincronização', 'Abrir Carteira', 'Sair']) click(online, label);
    const paused = buildTrayMenuTemplate('paused', 'pt-BR', actions);
    expect(labels(paused)).toEqual(['Sincronização pausada', 'Retomar sincronização', 'Abrir Carteira', 'Sair']);
    click(paused, 'Retomar sincronização');
    expect(done).toEqual(['sync', 'paused:true', 'open', 'quit', 'paused:false']);
  });

  it('cannot sync now while offline, and offers no sync commands without a server', () => {
    const actions = { open: () => undefined, quit: () => undefined, syncNow: () => undefined, setPaused: () => undefined };
    expect(buildTrayMenuTemplate('offline', 'pt-BR', actions).find((i) => i.label === 'Sincronizar agora')!.enabled).toBe(false);
    expect(labels(buildTrayMenuTemplate('local', 'en', actions))).toEqual(['On this computer only', 'Open Carteira', 'Quit']);
  });

  it('leaves out sync commands main cannot carry out', () => {
    expect(labels(buildTrayMenuTemplate('online', 'pt-PT', { open: () => undefined, quit: () => undefined }))).toEqual([
      'Sincronizado com a equipa',
      'Abrir Carteira',
      'Sair',
    ]);
  });

  it('has a translated tooltip for every state in every locale', () => {
    expect(trayTooltip('offline', 'pt-BR')).toBe('Carteira — Sem conexão: as alterações esperam a rede');
    for (const locale of ['pt-BR', 'pt-PT'] as const) {
      for (const [state, text] of Object.entries(TRAY_LABELS[locale].states))
        expect(text, state).not.toBe(TRAY_LABELS.en.states[state as keyof (typeof TRAY_LABELS)['en']['states']]);
    }
  });
});

describe('createSyncTray', () => {
  /** A sync service as the tray sees it, whose status and events the test drives. */
  function fakeSync(initial: Pick<SyncStatus, 'configured' | 'signedIn' | 'connectivity'>) {
    let status = { ...initial };
    const connectivity = new Set<(event: ConnectivityEvent) => void>();
    const changed = new Set<(status: SyncStatus) => void>();
    const commands: string[] = [];
    const sync = {
      paused: false,
      status: async () => status as SyncStatus,
      onConnectivity: (l: (event: ConnectivityEvent) => void) => (connectivity.add(l), () => void connectivity.delete(l)),
      onStatusChanged: (l: (status: SyncStatus) => void) => (changed.add(l), () => void changed.delete(l)),
      command: (command: SyncCommand) => {
        commands.push(command);
        if (command === 'pause') sync.paused = true;
        if (command === 'resume') sync.paused = false;
      },
    };
    return {
      sync,
      commands,
      set(next: Partial<typeof status>, via: 'connectivity' | 'status') {
        status = { ...status, ...next };
        if (via === 'connectivity') for (const l of connectivity) l('offline');
        else for (const l of changed) l(status as SyncStatus);
      },
      listeners: () => connectivity.size + changed.size,
    };
  }

  function fakeTray() {
    const tray = {
      tooltip: '',
      menu: [] as MenuItemConstructorOptions[],
      destroyed: false,
      clicks: [] as (() => void)[],
      setToolTip: (text: string) => void (tray.tooltip = text),
      setContextMenu: (menu: unknown) => void (tray.menu = menu as MenuItemConstructorOptions[]),
      on: (_event: 'click', listener: () => void) => tray.clicks.push(listener),
      isDestroyed: () => tray.destroyed,
      destroy: () => void (tray.destroyed = true),
    };
    return tray;
  }

  it('shows the sync state, follows it, and its sync commands reach the sync service', async () => {
    const main = fakeSync({ configured: true, signedIn: true, connectivity: 'online' });
    const tray = fakeTray();
    const opened: string[] = [];
    const handle = createSyncTray({
      tray,
      buildMenu: (template) => template,
      sync: main.sync,
      locale: () => 'pt-BR',
      open: () => opened.push('open'),
      quit: () => opened.push('quit'),
    });
    await expect.poll(() => tray.tooltip).toBe('Carteira — Sincronizado com a equipe');
    expect(labels(tray.menu)).toEqual(['Sincronizado com a equipe', 'Sincronizar agora', 'Pausar sincronização', 'Abrir Carteira', 'Sair']);

    click(tray.menu, 'Sincronizar agora');
    click(tray.menu, 'Pausar sincronização');
    await expect.poll(() => tray.tooltip).toBe('Carteira — Sincronização pausada');
    expect(labels(tray.menu)).toContain('Retomar sincronização');
    click(tray.menu, 'Retomar sincronização');
    await expect.poll(() => tray.tooltip).toBe('Carteira — Sincronizado com a equipe');
    expect(main.commands).toEqual(['syncNow', 'pause', 'resume']);

    main.set({ connectivity: 'offline' }, 'connectivity');
    await expect.poll(() => tray.tooltip).toBe('Carteira — Sem conexão: as alterações esperam a rede');
    main.set({ signedIn: false }, 'status');
    await expect.poll(() => tray.tooltip).toBe('Carteira — Sincronização: entre no servidor');

    tray.clicks.forEach((c) => c());
    click(tray.menu, 'Sair');
    expect(opened).toEqual(['open', 'quit']);

    handle.dispose();
    expect(tray.destroyed).toBe(true);
    expect(main.listeners()).toBe(0);
  });

  it('offers no sync commands while there is no server', async () => {
    const main = fakeSync({ configured: false, signedIn: false, connectivity: 'unknown' });
    const tray = fakeTray();
    createSyncTray({ tray, buildMenu: (t) => t, sync: main.sync, locale: () => 'en', open: () => undefined, quit: () => undefined });
    await expect.poll(() => tray.tooltip).toBe('Carteira — On this computer only');
    expect(labels(tray.menu)).toEqual(['On this computer only', 'Open Carteira', 'Quit']);
  });
});
