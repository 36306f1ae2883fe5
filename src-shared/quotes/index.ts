export * from './price-book';
export * from './quote';
