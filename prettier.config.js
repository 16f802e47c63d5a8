/**
 * The codebase's existing style: single quotes, semicolons, trailing commas in multi-line lists,
 * long lines (99% of lines fit in 156 columns). Comments are wrapped by hand at about 100.
 * Applied to the whole tree once; `npm run lint` checks it (`prettier --check`).
 */
export default {
  printWidth: 160,
  singleQuote: true,
  jsxSingleQuote: false,
  semi: true,
  trailingComma: 'all',
  arrowParens: 'always',
  bracketSpacing: true,
};
