/** What a user copies from a broken panel for support: the error and where it happened, nothing of their data. */
export interface ErrorReportInput {
  error: unknown;
  /** React's component stack (component names only). */
  componentStack?: string | null;
  /** The route on screen, e.g. /accounts/<id>. */
  route: string;
  /** The app's version and where it runs, e.g. "0.1.0 (web)". */
  version: string;
  at: number;
}

const MAX_STACK = 4000;
const MAX_MESSAGE = 1000;

/**
 * Plain text, one fact a line. Only the error's own name, message and stacks go in (an error
 * message may quote a value, which is why the user sees the text before sending it), never the
 * records on screen.
 */
export function errorReport({ error, componentStack, route, version, at }: ErrorReportInput): string {
  const e = error instanceof Error ? error : null;
  const name = e?.name ?? typeof error;
  const message = (e ? e.message : safeString(error)).slice(0, MAX_MESSAGE);
  const lines = [`Carteira ${version}`, `Route: ${route}`, `Time: ${new Date(at).toISOString()}`, `Error: ${name}: ${message}`];
  if (e?.stack) lines.push('', 'Stack:', e.stack.slice(0, MAX_STACK));
  if (componentStack) lines.push('', 'Components:', componentStack.trim().slice(0, MAX_STACK));
  return lines.join('\n');
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '(unprintable)';
  }
}
