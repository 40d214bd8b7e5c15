import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations";
import type { Db } from "./open-database";

/** A file the read-only tools refuse: missing, not SQLite, not ours, or at another schema version than this code. */
export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseRefusedError";
  }
}

const LATEST = Math.max(...MIGRATIONS.map((migration) => migration.version));

function schemaVersionOf(db: Db, file: string): number {
  let tables: string[];
  try {
    tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  } catch (err) {
    throw new DatabaseRefusedError(`${file} is not a Stakeholder Loop database (${(err as Error).message})`);
  }
  if (!tables.includes("schema_migrations")) {
    throw new DatabaseRefusedError(
      `${file} is not a Stakeholder Loop database (it has no schema_migrations table): set DATABASE_PATH to the service's database`,
    );
  }
  const first = db.prepare("SELECT name FROM schema_migrations WHERE version = 1").pluck().get();
  if (first !== MIGRATIONS.find((migration) => migration.version === 1)?.name) {
    throw new DatabaseRefusedError(
      `${file} is not a Stakeholder Loop database (its schema_migrations are another application's)`,
    );
  }
  return db.prepare("SELECT max(version) FROM schema_migrations").pluck().get() as number;
}

/**
 * Opens the service's store for reading only (the report CLI): nothing is created, migrated or switched to WAL, so a
 * file that is not ours is left exactly as it was. The schema must be the one this code knows.
 */
export function openDatabaseReadOnly(file: string): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DatabaseRefusedError(
      `No database at ${file} (${(err as Error).message}): set DATABASE_PATH to the service's database`,
    );
  }
  try {
    const version = schemaVersionOf(db, file);
    if (version < LATEST) {
      throw new DatabaseRefusedError(
        `${file} has schema version ${version} and this version of Stakeholder Loop needs ${LATEST}: start the service once to update it`,
      );
    }
    if (version > LATEST) {
      throw new DatabaseRefusedError(
        `${file} has schema version ${version}, newer than this version of Stakeholder Loop knows (${LATEST}): update this copy`,
      );
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
