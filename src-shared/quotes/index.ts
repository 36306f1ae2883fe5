export * from './price-book';
export * from './quote';
export * from './company';
export * from './acknowledgement';
export * from './describe-sign';
export * from './project-move';
export * from './job';
