import { describe, expect, it } from 'vitest';
import { appSettings, isUpdateUrl, settingsPatch } from './settings';

describe('the update server setting', () => {
  it('takes https addresses, http only on this computer, and nothing with a password in it', () => {
    expect(isUpdateUrl('https://updates.example.com/carteira/')).toBe(true);
    expect(isUpdateUrl('http://localhost:8080/c')).toBe(true);
    expect(isUpdateUrl('http://127.0.0.1/c')).toBe(true);
    expect(isUpdateUrl('http://updates.example.com/c')).toBe(false);
    expect(isUpdateUrl('https://ana:segredo@updates.example.com/c')).toBe(false);
    expect(isUpdateUrl('file:///etc/passwd')).toBe(false);
    expect(isUpdateUrl('updates.example.com')).toBe(false);
  });

  it('is off in a settings file from before it existed, and a patch that leaves it out keeps it', () => {
    const old = appSettings.parse({ locale: 'pt-BR', theme: 'auto', userName: '', deviceId: 'd' });
    expect(old.updateUrl).toBe('');
    expect(settingsPatch.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(settingsPatch.parse({ updateUrl: ' https://u.example.com/c ' })).toEqual({ updateUrl: 'https://u.example.com/c' });
    expect(settingsPatch.safeParse({ updateUrl: 'http://u.example.com/c' }).success).toBe(false);
  });
});
