/** The global search and command palette (Ctrl/Cmd+K); built by the search feature. */
export function CommandPalette() {
  return null;
}
