import { defineConfig } from 'drizzle-kit';

// Central server (Postgres) migrations; the desktop app's SQLite ones live in drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-server/db/schema.ts',
  out: './src-server/drizzle',
});
