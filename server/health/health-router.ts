import { Router } from "express";
import { ErrorCode } from "../http/app-error";
import type { Db } from "../store/open-database";

/**
 * `GET /healthz`: 200 with the mode, the database's state (reachable, schema version, journal mode) and when the last
 * webhook delivery was stored; 503 in the error shape, still naming the mode, when the database cannot be read.
 */
export function createHealthRouter({ db, mode }: { db: Db; mode: string }): Router {
  const router = Router();
  const schemaVersion = db.prepare("SELECT max(version) FROM schema_migrations").pluck();
  const lastDelivery = db.prepare("SELECT max(received_at) FROM actions WHERE source = 'webhook'").pluck();
  router.get("/healthz", (req, res) => {
    try {
      const database = {
        state: "ok",
        schemaVersion: schemaVersion.get() as number,
        journalMode: db.pragma("journal_mode", { simple: true }) as string,
      };
      res
        .status(200)
        .json({ status: "ok", mode, database, lastDeliveryAt: (lastDelivery.get() as string | null) ?? null });
    } catch (err) {
      req.log.error({ err }, "the database cannot be read");
      const message = `The database cannot be read: ${(err as Error).message}`;
      res.status(503).json({
        error: { code: ErrorCode.DatabaseUnavailable, message },
        status: "unavailable",
        mode,
        database: { state: "unavailable" },
      });
    }
  });
  return router;
}
