import { defineConfig } from "drizzle-kit";

// Only used to generate migrations from db/schema.ts; applying them is db/migrate.ts's job.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
