import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createNotificationsService, type NotificationLike } from './notifications';

class FakeNotification extends EventEmitter implements NotificationLike {
  static created: FakeNotification[] = [];
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.created.push(this);
  }
  show() {
    this.shown = true;
  }
}

function setup(supported = true) {
  FakeNotification.created = [];
  let focused = 0;
  const service = createNotificationsService({
    createNotification: (options) => new FakeNotification(options),
    isSupported: () => supported,
    focusWindow: () => void focused++,
  });
  return { service, focused: () => focused };
}

describe('createNotificationsService', () => {
  it('shows an OS notification with the title and body', () => {
    const { service } = setup();
    expect(service.show({ activityId: 'a1', title: 'Ligar para Ana', body: 'Hoje às 14:00' })).toEqual({ shown: true });
    expect(FakeNotification.created).toHaveLength(1);
    expect(FakeNotification.created[0]).toMatchObject({ shown: true, options: { title: 'Ligar para Ana', body: 'Hoje às 14:00' } });
  });

  it('on click focuses the window and reports the activity, once per listener, until unsubscribed', () => {
    const { service, focused } = setup();
    const clicked: string[] = [];
    const off = service.onClicked((id) => clicked.push(id));
    service.show({ activityId: 'a1', title: 'A', body: '' });
    service.show({ activityId: 'a2', title: 'B', body: '' });
    FakeNotification.created[1]!.emit('click');
    expect(clicked).toEqual(['a2']);
    expect(focused()).toBe(1);
    off();
    FakeNotification.created[0]!.emit('click');
    expect(clicked).toEqual(['a2']);
    expect(focused()).toBe(2);
  });

  it('a sync problem notice, clicked, focuses the window and says it opens the sync problems screen', () => {
    const { service, focused } = setup();
    const clicked: Array<[string, string | undefined]> = [];
    service.onClicked((id, opens) => clicked.push([id, opens]));
    service.show({ activityId: 'sync-problems', title: 'A sincronização precisa de você', body: '1 registro recusado', opens: 'syncProblems' });
    FakeNotification.created[0]!.emit('click');
    expect(focused()).toBe(1);
    expect(clicked).toEqual([['sync-problems', 'syncProblems']]);
  });

  it('answers shown: false where the OS has no notifications, creating none', () => {
    const { service } = setup(false);
    expect(service.show({ activityId: 'a1', title: 'A', body: '' })).toEqual({ shown: false });
    expect(FakeNotification.created).toHaveLength(0);
  });

  it('answers shown: false in web mode (nothing injected)', () => {
    expect(createNotificationsService().show({ activityId: 'a1', title: 'A', body: '' })).toEqual({ shown: false });
  });
});
