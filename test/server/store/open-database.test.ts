import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../../../server/store/migrate";
import { MIGRATIONS } from "../../../server/store/migrations";
import { openDatabase } from "../../../server/store/open-database";
import { makeTempDir } from "../../support/test-app";

describe("openDatabase", () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it("creates the file and its folder, in WAL mode, with every migration recorded once", () => {
    const file = path.join(temp.dir, "nested", "loop.db");
    const db = openDatabase(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    // NORMAL (1): the webhook path fsyncs the WAL itself before answering (create-wal-syncer).
    expect(db.pragma("synchronous", { simple: true })).toBe(1);
    expect(db.pragma("mmap_size", { simple: true })).toBe(0);
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(MIGRATIONS.length);
    again.close();
  });
});

describe("migrate", () => {
  it("rolls a failing migration back whole and keeps the ones before it", () => {
    const db = new Database(":memory:");
    const good = { version: 1, name: "good", sql: "CREATE TABLE a (x INTEGER)" };
    const bad = { version: 2, name: "bad", sql: "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);" };
    expect(() => migrate(db, [good, bad])).toThrow(/nowhere/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(["a", "schema_migrations"]);
    expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual([1]);
    expect(migrate(db, [good])).toEqual([]);
    db.close();
  });
});
