import { describe, expect, it } from 'vitest';
import { appInfo } from '../../shared/ipc';
import { createAppInfoService } from './app-info';

describe('createAppInfoService', () => {
  it('returns a contract-valid copy that callers cannot mutate', () => {
    const service = createAppInfoService({ name: 'Carteira', version: '1.2.3', mode: 'web', userDataDir: '/data', platform: 'linux' });
    const first = service.get();
    expect(appInfo.parse(first)).toEqual({ name: 'Carteira', version: '1.2.3', mode: 'web', platform: 'linux', userDataDir: '/data' });
    first.version = 'changed';
    expect(service.get().version).toBe('1.2.3');
  });

  it('defaults the platform to the running one', () => {
    expect(createAppInfoService({ name: 'c', version: '0', mode: 'electron', userDataDir: '/' }).get().platform).toBe(process.platform);
  });
});
