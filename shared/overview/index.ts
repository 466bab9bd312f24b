export * from './aggregate';
export * from './schema';
