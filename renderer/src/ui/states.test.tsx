import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { errorMessage } from '@shared/error-message';
import { createI18n } from '../i18n';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from './states';

function renderIn(locale: 'pt-BR' | 'pt-PT' | 'en', ui: React.ReactNode) {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>{ui}</MantineProvider>
    </I18nextProvider>,
  );
}

describe('state components', () => {
  it('announces loading as a status in the user’s language', () => {
    const { unmount } = renderIn('pt-BR', <LoadingState />);
    expect(screen.getByRole('status', { name: 'Carregando…' })).toBeTruthy();
    unmount();
    renderIn('en', <LoadingState size="xs" />);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
  });

  it('names what is loading when told', () => {
    renderIn('pt-BR', <LoadingState label="Carregando pedidos" />);
    expect(screen.getByRole('status', { name: 'Carregando pedidos' })).toBeTruthy();
  });

  it('says a missing record as an alert, and an empty list quietly (no alert)', () => {
    renderIn(
      'pt-BR',
      <>
        <NotFoundState>Conta não encontrada.</NotFoundState>
        <EmptyState>Nenhum pedido.</EmptyState>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Conta não encontrada.');
    expect(screen.getByText('Nenhum pedido.')).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('shows a failure as an alert with its message', () => {
    renderIn('pt-BR', <ErrorState variant="light">Não foi possível salvar: disco cheio</ErrorState>);
    expect(screen.getByRole('alert').textContent).toContain('Não foi possível salvar: disco cheio');
  });
});

describe('errorMessage', () => {
  it('takes an Error’s message and turns anything else into text', () => {
    expect(errorMessage(new RangeError('Invalid time value'))).toBe('Invalid time value');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
