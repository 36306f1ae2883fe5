export * from './input';
export * from './output';
export * from './defaults';
export * from './parse';
export * from './verdict';
export * from './outline';
export * from './map-floors';
