import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/db/schema.ts',
    './src/db/publishing-schema.ts',
    './src/db/approval-schema.ts',
    './src/db/events-schema.ts',
  ],
  out: './src/db/migrations',
});
