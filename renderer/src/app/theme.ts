import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * The app's theme. Mantine's default teal (shade 6) and dimmed grey fail WCAG AA contrast for text
 * (2.6:1 and 3.3:1 on white, measured by the axe-core e2e check), so buttons and active links use
 * the darkest teal (5:1) and secondary text a darker grey (8:1) in light mode.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 9 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

/** Fields whose "×" clear button Mantine renders without an accessible name. */
const CLEARABLE_FIELDS = ['Select', 'MultiSelect', 'TagsInput', 'Autocomplete', 'DateInput', 'DatePickerInput', 'DateTimePicker', 'TimeInput'] as const;

/**
 * The theme in the user's language: every clearable field's "×" gets `clearLabel` as its name
 * (screen readers and the axe check need one), unless a screen names it more precisely itself.
 */
export const themeWithLabels = (clearLabel: string) =>
  createTheme({
    ...theme,
    components: Object.fromEntries(CLEARABLE_FIELDS.map((c) => [c, { defaultProps: { clearButtonProps: { 'aria-label': clearLabel } } }])),
  });

/** Text on "light" and "outline" variants (badges, active links, alerts): each colour's darkest shade, darkened further. */
const lightVariantText = (colors: readonly string[]) =>
  Object.fromEntries(
    colors.flatMap((c) => {
      const text = `color-mix(in srgb, var(--mantine-color-${c}-9), black 30%)`;
      return [
        [`--mantine-color-${c}-light-color`, text],
        [`--mantine-color-${c}-outline`, text],
      ];
    }),
  );

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...lightVariantText(Object.keys(t.colors)),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
  },
});
