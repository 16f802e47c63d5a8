export * from './roles';
export * from './database-names';
export * from './design-docs';
export * from './security';
export * from './http';
export * from './check-databases';
