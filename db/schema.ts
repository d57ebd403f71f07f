// The whole schema, one import for the app and for drizzle-kit (drizzle.config.ts): the core tables in
// db/tables/core.ts and each feature's tables in a file of its own beside it (db/tables/README.md).
// Feature files import the core tables from ./core, never from here, so there is no import cycle.
export * from "./tables/core";
export * from "./tables/discovery";
export * from "./tables/notifications";
export * from "./tables/publishers";
