import fs from "node:fs";
import path from "node:path";
import { createLogger } from "../../../server/log/create-logger";
import { AUTOCHECKPOINT_FRAMES, openDatabase } from "../../../server/store/open-database";
import { startCheckpointer, WRITER_AUTOCHECKPOINT_FRAMES } from "../../../server/store/start-checkpointer";
import { makeTempDir } from "../../support/test-app";

describe("startCheckpointer", () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it("When the service writes, then its WAL is checkpointed by the background thread and the writer's own threshold is only a backstop", async () => {
    const file = path.join(temp.dir, "loop.db");
    const db = openDatabase(file);
    const checkpointer = startCheckpointer(db, createLogger("silent"), 20);
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(WRITER_AUTOCHECKPOINT_FRAMES);
    db.exec("CREATE TABLE t (x TEXT)");
    const insert = db.prepare("INSERT INTO t (x) VALUES (?)");
    for (let i = 0; i < 200; i += 1) db.transaction(() => insert.run("x".repeat(2000)))();
    // The writer's threshold is far off, so pages reach the database file only if the thread copied them there.
    for (let attempt = 0; attempt < 100 && fs.statSync(file).size < 200 * 2000; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.statSync(file).size).toBeGreaterThan(200 * 2000);
    await checkpointer.close();
    // Without the thread the writer checkpoints for itself again, at SQLite's default.
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(AUTOCHECKPOINT_FRAMES);
    expect(db.prepare("SELECT count(*) FROM t").pluck().get()).toBe(200);
    db.close();
  });

  it("When the database is in memory, then there is nothing to checkpoint and nothing is started", async () => {
    const db = openDatabase(":memory:");
    const checkpointer = startCheckpointer(db, createLogger("silent"));
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(AUTOCHECKPOINT_FRAMES);
    await checkpointer.close();
    db.close();
  });
});
