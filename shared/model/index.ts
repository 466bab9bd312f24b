export * from './taxonomy';
export * from './time';
export * from './incident';
export * from './revision';
export * from './custody';
export * from './validation';
export * from './gazetteer';
export * from './attachment';
