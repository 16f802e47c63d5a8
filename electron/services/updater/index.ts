export { createUpdateService, type UpdateService, type UpdateServiceOptions, type UpdaterPort } from './update-service';
