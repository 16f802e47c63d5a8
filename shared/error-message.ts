/**
 * The one way to turn a caught value into the text shown or logged: an Error's message, anything
 * else as a string. Plain ECMAScript, so main, the renderer and the workers share it.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
