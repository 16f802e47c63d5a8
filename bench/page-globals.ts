/**
 * Node-side code passes small functions to page.evaluate / waitForFunction; they run in Chromium,
 * but tsconfig.json type-checks them without the DOM lib (bench/*.ts is Node code). These are the
 * few browser globals they touch, typed structurally.
 * Use as `(globalThis as unknown as PageGlobals)` inside the function: a helper function would not
 * exist in the page (Playwright sends only the function's source).
 */
export interface PageElement {
  scrollTop: number;
  readonly scrollHeight: number;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): PageElement | null;
}

export interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  location: { hash: string };
  __bench?: Record<string, (...args: unknown[]) => Promise<unknown>>;
}
