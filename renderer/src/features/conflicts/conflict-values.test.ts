import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { collectionLabel, fieldLabel, showValue } from './conflict-values';

const i18n = createI18n('pt-BR');
const t = i18n.t.bind(i18n);
const exists = (key: string) => i18n.exists(key);
const show = (collection: string, field: string, value: unknown) => showValue(collection, field, JSON.stringify(value), t, 'pt-BR', exists);

describe('conflict values as people read them', () => {
  it('names collections and fields in the app language, falling back to the raw name', () => {
    expect(collectionLabel('accounts', t)).toBe('Contas');
    expect(collectionLabel('products', t)).toBe('Catálogo');
    expect(collectionLabel('mystery', t)).toBe('mystery');
    expect(fieldLabel('accounts', 'city', t, exists)).toBe('Cidade');
    expect(fieldLabel('accounts', 'discountBp', t, exists)).toBe('discountBp');
    expect(fieldLabel('deals', '_deleted', t, exists)).toBe('exclusão');
  });

  it('formats plain values in the current language', () => {
    expect(show('accounts', 'status', 'client')).toEqual({ text: 'Cliente', block: false });
    expect(show('deals', 'status', 'client')).toEqual({ text: 'client', block: false });
    expect(show('accounts', 'discountBp', 1250.5)).toEqual({ text: '1.250,5', block: false });
    expect(show('accounts', 'city', '')).toEqual({ text: '—', block: false });
    expect(show('accounts', 'tags', ['a', 'b'])).toEqual({ text: 'a, b', block: false });
    expect(show('accounts', 'phones', [{ number: '1' }]).block).toBe(true);
  });

  it('describes deletion vs edit, showing the edited document without bookkeeping fields', () => {
    expect(show('accounts', '_deleted', true).text).toBe('Documento excluído');
    expect(show('accounts', '_deleted', false).text).toBe('Documento mantido, com a edição');
    const edited = show('accounts', '_deleted', { id: 'a1', name: 'Acme', fieldTimes: { name: 1 }, updatedAt: 1 });
    expect(edited).toEqual({ text: JSON.stringify({ name: 'Acme' }, null, 2), block: true });
  });
});
