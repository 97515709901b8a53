// Language service for inventories: plain functions over texts and parsed documents that
// return LSP-shaped data. No editor, no connection: the server (src/server) adapts them.
export * from './applies';
export * from './ast';
export * from './code-actions';
export * from './completion';
export * from './completion-context';
export * from './hover';
export * from './inventory-nodes';
export * from './navigation';
export * from './schema-nav';
export * from './server-index';
export * from './summary';
export * from './symbols';
export * from './yaml-text';
export * from './domain-hover';
export * from './inventory-schema';
export * from './config-file';
export * from './config-schema';
