export * from './cnpj';
export * from './cpf';
export * from './nif';
export * from './phone';
export * from './email';
export * from './tax-id';
export * from './errors';
