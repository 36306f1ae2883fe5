import { defineConfig } from 'drizzle-kit';

// Local (desktop) database. Migrations are generated, never hand-written; FTS5 and the audit
// triggers live in a `drizzle-kit generate --custom` migration because drizzle cannot model them.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/db/schema',
  out: './drizzle',
});
