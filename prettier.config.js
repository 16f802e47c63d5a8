/**
 * The codebase's existing style: single quotes, semicolons, trailing commas in multi-line lists,
 * long lines (99% of lines fit in 156 columns). Comments are wrapped by hand at about 100.
 * Not yet applied to the tree: the lead formats it once, in one commit of its own.
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
