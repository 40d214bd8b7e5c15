import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../../../server/store/migrate";
import { MIGRATIONS } from "../../../server/store/migrations";
import { createReportSnapshotsStore } from "../../../server/store/report-snapshots-store";
import { makeTempDir } from "../../support/test-app";

const snapshot = (fields: Record<string, unknown>) => ({
  id: "s1",
  boardId: "b1",
  month: "2026-03",
  timezone: "UTC",
  audience: "client",
  modelJson: "{}",
  html: "",
  markdown: "",
  contentHash: "h",
  createdBy: "m1",
  createdAt: "2026-04-01T00:00:00Z",
  ...fields,
});

describe("migration 9: report audiences", () => {
  it("keeps snapshots made before parties, and versions each party's reports apart", () => {
    const temp = makeTempDir();
    const db = new Database(path.join(temp.dir, "loop.db"));
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 8),
      );
      db.prepare(
        `INSERT INTO report_snapshots (id, board_id, month, timezone, audience, version, model_json, html, markdown, content_hash, created_by, created_at)
         VALUES ('old', 'b1', '2026-02', 'UTC', 'client', 1, '{}', '<p>old</p>', '', 'h', 'm1', '2026-03-01T00:00:00Z')`,
      ).run();
      migrate(db, MIGRATIONS);
      const store = createReportSnapshotsStore(db);
      expect(store.get("b1", "old")).toMatchObject({ audience: "client", version: 1, html: "<p>old</p>" });
      expect(store.get("b1", "old")).not.toHaveProperty("party");

      const acme = store.insert(snapshot({ id: "a", party: "Acme" }) as never)!;
      const globex = store.insert(snapshot({ id: "g", audience: "partner", party: "Globex" }) as never)!;
      const acme2 = store.insert(snapshot({ id: "a2", party: "Acme" }) as never)!;
      expect([acme.version, globex.version, acme2.version]).toEqual([1, 1, 2]);
      expect(store.listBoard("b1").find((s) => s.id === "g")).toMatchObject({ audience: "partner", party: "Globex" });
      expect(() => db.prepare("UPDATE report_snapshots SET html = 'x' WHERE id = 'a'").run()).toThrow(/immutable/);
    } finally {
      db.close();
      temp.remove();
    }
  });
});
