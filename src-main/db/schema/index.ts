/**
 * The local (desktop) SQLite schema, one file per area. drizzle.config.ts and
 * scripts/check-migrations.mjs read this folder; FTS5 and the audit/snapshot triggers live in a
 * custom migration because drizzle cannot model them.
 */
export * from './profile';
export * from './settings';
export * from './projects';
export * from './audit';
export * from './signs';
export * from './designs';
export * from './pricing';
export * from './quotes';
export * from './sync';
export * from './attachments';
