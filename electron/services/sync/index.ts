export { createSyncService, type SyncService, type SyncServiceOptions } from './sync-service';
export { createMemoryCredentialStore, credentialAccount, type CredentialStore } from './credential-store';
export { createSafeStorageCredentialStore, CREDENTIALS_FILE_NAME, type SafeStorageLike } from './safe-storage-credential-store';
export { createServerConfigStore, normalizeServerUrl, SERVER_CONFIG_FILE_NAME, type ServerConfigStore } from './server-config';
export { createConnectivityWatcher, type ConnectivityWatcher, type OnlineEvents, type OnlineHint, type Timers } from './connectivity-watcher';
export { pollOnlineFlag, fromEmitter, mergeOnlineEvents, type EmitterLike } from './online-events';
export { checkProxyUrl } from './proxy-url';
export { proxyFetch, type ProxyContext } from './proxy-fetch';
export { openCouchSession, closeCouchSession, authSessionCookie, type CouchSession } from './couch-session';
