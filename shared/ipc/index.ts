export * from './names';
export * from './errors';
export * from './result';
export * from './contract';
