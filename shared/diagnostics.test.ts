import { describe, expect, it } from 'vitest';
import { buildDiagnosticsText, DIAGNOSTICS_MAX_ERRORS, redactClientData } from './diagnostics';

const input = {
  app: { name: 'Carteira', version: '1.2.3', platform: 'linux' },
  versions: { electron: '40.8.5', chrome: '144.0.1', node: '22.20.0', os: '6.1.0' },
  sync: { configured: true, signedIn: false, connectivity: 'offline', credentialsPersistent: true },
  recentErrors: [] as string[],
  now: new Date('2026-12-01T12:00:00Z'),
};

describe('buildDiagnosticsText', () => {
  it('lists versions and the sync state', () => {
    const text = buildDiagnosticsText(input);
    expect(text).toContain('Carteira 1.2.3');
    expect(text).toContain('Electron 40.8.5 · Chromium 144.0.1 · Node 22.20.0');
    expect(text).toContain('Sistema: linux 6.1.0');
    expect(text).toContain('Sincronização: configurada, não conectado, rede offline');
    expect(text).toContain('Nenhum erro registrado.');
  });

  it('keeps only the last errors, one a line', () => {
    const errors = Array.from({ length: 30 }, (_, i) => `erro ${i}\n  at stack`);
    const text = buildDiagnosticsText({ ...input, recentErrors: errors });
    expect(text).toContain(`Últimos erros (${DIAGNOSTICS_MAX_ERRORS}):`);
    expect(text).not.toContain('erro 9 ');
    expect(text).toContain('- erro 29 at stack');
  });

  it('never carries client data that reached an error message', () => {
    const text = buildDiagnosticsText({
      ...input,
      recentErrors: [
        'push failed for ana.souza@acme.com.br',
        'invalid CNPJ 12.345.678/0001-95 and CPF 123.456.789-09',
        'call +55 (11) 98765-4321 or 11 3333-4444 failed',
        'GET https://ana:segredo@couch.acme.com/carteira failed',
        'NIF 501234567',
      ],
    });
    for (const secret of ['ana.souza', 'acme.com.br', '12.345.678', '123.456.789', '98765', '3333-4444', 'segredo', '501234567'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[e-mail]');
    expect(text).toContain('[cnpj]');
    expect(text).toContain('[cpf]');
    expect(text).toContain('[telefone]');
    expect(text).toContain('https://[credenciais]@couch.acme.com');
  });

  it('leaves versions and ordinary words alone', () => {
    expect(redactClientData('Electron 40.8.5 timeout after 3000 ms')).toBe('Electron 40.8.5 timeout after 3000 ms');
  });
});
