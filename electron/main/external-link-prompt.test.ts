import { describe, expect, it } from 'vitest';
import { choseToOpen, externalLinkPromptOptions } from './external-link-prompt';

describe('externalLinkPromptOptions', () => {
  it('asks in the app language, naming the host and showing the whole link', () => {
    const url = 'https://docs.example.com/proposta?id=7';
    const br = externalLinkPromptOptions('pt-BR', url, 'docs.example.com');
    expect(br.message).toBe('Abrir um link para docs.example.com?');
    expect(br.detail).toContain(url);
    expect(br.buttons).toEqual(['Abrir link', 'Cancelar']);
    expect(externalLinkPromptOptions('pt-PT', url, 'docs.example.com').buttons).toEqual(['Abrir ligação', 'Cancelar']);
    expect(externalLinkPromptOptions('en', url, 'docs.example.com').message).toBe('Open a link to docs.example.com?');
    // Before settings are read, Brazilian Portuguese.
    expect(externalLinkPromptOptions(undefined, url, 'docs.example.com').buttons[0]).toBe('Abrir link');
  });

  it('cancels by default: Enter, Esc or closing the box opens nothing', () => {
    const options = externalLinkPromptOptions('pt-BR', 'https://x.example/', 'x.example');
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(1);
    expect(choseToOpen(options.cancelId)).toBe(false);
    expect(choseToOpen(0)).toBe(true);
  });
});
