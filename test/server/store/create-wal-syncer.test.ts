import path from "node:path";
import { createWalSyncer } from "../../../server/store/create-wal-syncer";
import { openDatabase } from "../../../server/store/open-database";
import { makeTempDir } from "../../support/test-app";

describe("createWalSyncer", () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it("flushes the WAL of a file database, sharing one fsync among callers that come while one runs", async () => {
    const db = openDatabase(path.join(temp.dir, "loop.db"));
    db.exec("CREATE TABLE t (x)");
    const sync = createWalSyncer(db);
    const calls = [sync(), sync(), sync()];
    // The second and third came while the first ran: they share the fsync after it.
    expect(calls[1]).toBe(calls[2]);
    expect(calls[0]).not.toBe(calls[1]);
    await expect(Promise.all(calls)).resolves.toEqual([undefined, undefined, undefined]);
    db.close();
  });

  it("has nothing to flush for an in-memory database", async () => {
    const db = openDatabase(":memory:");
    await expect(createWalSyncer(db)()).resolves.toBeUndefined();
    db.close();
  });

  it("finds nothing to flush once SQLite has checkpointed and removed the WAL", async () => {
    const db = openDatabase(path.join(temp.dir, "other.db"));
    const sync = createWalSyncer(db);
    db.close();
    // After close SQLite removed the WAL: a flush finds nothing left to make durable.
    await expect(sync()).resolves.toBeUndefined();
  });
});
