// Programmatic API of rdslic (package.json "exports"): the same core the CLI, the language
// server and the extension use.
export * from './findings';
export * from './domain/versions';
export * from './inventory/model';
export * from './config';
