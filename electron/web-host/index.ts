export { startWebHost, type WebHost, type WebHostOptions } from './web-host';
export { webDataDir, BRIDGE_HEADER } from './request-guard';
