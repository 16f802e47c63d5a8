import { describe, expect, it } from 'vitest';
import { routeTarget } from './route-target';
import { typeForKey } from './activity-types';

describe('quick log target from the route', () => {
  it('reads account, contact, deal and activity pages, not lists or new forms', () => {
    expect(routeTarget('/accounts/abc')).toEqual({ kind: 'account', id: 'abc' });
    expect(routeTarget('#/accounts/abc/edit')).toEqual({ kind: 'account', id: 'abc' });
    expect(routeTarget('/contacts/c1')).toEqual({ kind: 'contact', id: 'c1' });
    expect(routeTarget('/pipeline/d1')).toEqual({ kind: 'deal', id: 'd1' });
    expect(routeTarget('/activities/x1')).toEqual({ kind: 'activity', id: 'x1' });
    expect(routeTarget('/accounts')).toBeNull();
    expect(routeTarget('/accounts/new')).toBeNull();
    expect(routeTarget('/today')).toBeNull();
  });

  it('maps the pt-BR mnemonic letters to types, either case', () => {
    expect(['l', 'R', 'v', 'E', 'm', 'c', 'A', 'n', 't'].map(typeForKey)).toEqual([
      'call',
      'meeting',
      'visit',
      'email',
      'chat',
      'letter',
      'presentation',
      'note',
      'task',
    ]);
    expect(typeForKey('x')).toBeUndefined();
    expect(typeForKey('Enter')).toBeUndefined();
  });
});
