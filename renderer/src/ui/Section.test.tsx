import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n';
import { Listing } from './Listing';
import { Section } from './Section';

function renderKit(ui: React.ReactNode) {
  return render(
    <I18nextProvider i18n={createI18n('pt-BR')}>
      <MantineProvider>{ui}</MantineProvider>
    </I18nextProvider>,
  );
}

const orders = (items: readonly string[] | undefined) => (
  <Section title="Pedidos">
    <Listing items={items} empty="Nenhum pedido.">
      {(rows) => rows.map((r) => <li key={r}>{r}</li>)}
    </Listing>
  </Section>
);

describe('Section and Listing', () => {
  it('makes a titled section a landmark named by its title', () => {
    renderKit(orders(['P-100']));
    const section = screen.getByRole('region', { name: 'Pedidos' });
    expect(within(section).getByRole('heading', { name: 'Pedidos' })).toBeTruthy();
  });

  it('shows loading while the rows are read, then the rows as a list', () => {
    const { rerender } = renderKit(orders(undefined));
    expect(screen.getByRole('status', { name: 'Carregando…' })).toBeTruthy();
    rerender(
      <I18nextProvider i18n={createI18n('pt-BR')}>
        <MantineProvider>{orders(['P-100', 'P-101'])}</MantineProvider>
      </I18nextProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['P-100', 'P-101']);
  });

  it('says when there is nothing, without an empty list', () => {
    renderKit(orders([]));
    expect(screen.getByText('Nenhum pedido.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
