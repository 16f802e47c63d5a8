import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildTrayMenuTemplate, TRAY_LABELS, traySyncState, trayTooltip } from './tray';

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
