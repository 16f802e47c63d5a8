import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { DateInput } from '@mantine/dates';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n';
import { AppThemeProvider } from './AppThemeProvider';

function renderFields(locale: 'pt-BR' | 'en') {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <AppThemeProvider>
        <DateInput label="Entrega" value="2026-12-02" clearable onChange={() => {}} />
        <DateInput label="Previsão" value="2026-12-03" clearable onChange={() => {}} />
        <DateInput label="Outra" value="2026-12-04" clearable clearButtonProps={{ 'aria-label': 'Limpar a outra data' }} onChange={() => {}} />
      </AppThemeProvider>
    </I18nextProvider>,
  );
}

describe('AppThemeProvider', () => {
  it("names every clearable field's × in the user's language, unless the screen names it itself", () => {
    renderFields('pt-BR');
    expect(screen.getAllByRole('button', { name: 'Limpar o campo' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Limpar a outra data' })).toBeTruthy();
  });

  it('in English too', () => {
    renderFields('en');
    expect(screen.getAllByRole('button', { name: 'Clear the field' })).toHaveLength(2);
  });
});
