import { describe, expect, it } from 'vitest';
import { syncServerConfig } from '../ipc';
import { serverTransport } from './server-url';

describe('which servers may be reached over http://', () => {
  it('accepts http:// only for this machine and private networks', () => {
    for (const url of [
      'http://127.0.0.1:5984',
      'http://127.8.9.10',
      'http://localhost:5984',
      'http://[::1]:5984',
      'http://10.1.2.3',
      'http://172.16.0.1',
      'http://172.31.255.255',
      'http://192.168.0.10:5984',
      'http://[fd12:3456::1]',
      'http://[fc00::1]',
      'http://couch.local',
    ])
      expect(serverTransport(url), url).toBe('http-private');
    for (const url of [
      'http://couch.example.com',
      'http://8.8.8.8',
      'http://172.32.0.1',
      'http://172.15.0.1',
      'http://192.169.0.1',
      'http://11.0.0.1',
      'http://[2001:db8::1]',
      'http://[fc::1]',
      'http://local',
      'http://couch.local.example.com',
      'http://[::ffff:8.8.8.8]',
    ])
      expect(serverTransport(url), url).toBe('http-public');
    expect(serverTransport('https://couch.example.com')).toBe('https');
    expect(serverTransport('ftp://x')).toBe('invalid');
  });

  it('main refuses to store an http:// address on the internet', () => {
    const config = { team: 'acme', user: 'ana' };
    expect(syncServerConfig.safeParse({ ...config, url: 'http://couch.example.com' }).error?.issues[0]?.message).toMatch(/Use https:\/\//);
    expect(syncServerConfig.safeParse({ ...config, url: 'http://192.168.1.5:5984' }).success).toBe(true);
    expect(syncServerConfig.safeParse({ ...config, url: 'https://couch.example.com' }).success).toBe(true);
  });
});
