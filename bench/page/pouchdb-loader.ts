// PouchDB's own browser build (UMD, sets window.PouchDB, IndexedDB 'idb' adapter by default),
// emitted by Vite as a separate asset and loaded only when the sync bench asks for it: bundling
// its CommonJS entry would pull Node-only modules into the page.
import pouchdbUrl from 'pouchdb/dist/pouchdb.min.js?url';

/** The little of PouchDB's API the bench uses. */
export interface PouchDBInstance {
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
  replicate: { from(source: PouchDBInstance, options?: { batch_size?: number }): Promise<unknown> };
}
export type PouchDBStatic = new (name: string, options?: { fetch?: (url: string, opts?: RequestInit) => Promise<Response> }) => PouchDBInstance;

let loading: Promise<PouchDBStatic> | undefined;

export function loadPouchDB(): Promise<PouchDBStatic> {
  loading ??= new Promise<PouchDBStatic>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = pouchdbUrl;
    script.onload = () => {
      const PouchDB = (window as unknown as { PouchDB?: PouchDBStatic }).PouchDB;
      if (PouchDB) resolve(PouchDB);
      else reject(new Error(`${pouchdbUrl} loaded but set no window.PouchDB`));
    };
    script.onerror = () => reject(new Error(`could not load ${pouchdbUrl}`));
    document.head.append(script);
  });
  return loading;
}
