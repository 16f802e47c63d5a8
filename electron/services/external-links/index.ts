export { createExternalLinksService, normalizeExternalUrl, EXTERNAL_URL_MAX_LENGTH } from './external-links';
export type { ExternalLinksOptions, ExternalLinksService } from './external-links';
