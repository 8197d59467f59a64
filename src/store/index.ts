// The store: a storydesk corpus in SQLite (a file, the default) or PostgreSQL, behind one typed query
// layer (Kysely) with versioned migrations run on open. Only the corpus driver and the CLI use it; the
// pipeline's stages never see it.
export { openStore, describeLocation, StoreError, type Store } from "./open.js";
export { dialectOf, DEFAULT_POOL_SIZE, type ConnectOptions, type Dialect } from "./dialect.js";
export { SCHEMA_VERSION } from "./migrations.js";
export type { Database } from "./schema.js";
