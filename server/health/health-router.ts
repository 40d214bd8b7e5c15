import { Router } from "express";
import type { Db } from "../store/open-database";

/** `GET /healthz`: 200 once the service has its database open and migrated. */
export function createHealthRouter({ db, mode }: { db: Db; mode: string }): Router {
  const router = Router();
  const ping = db.prepare("SELECT 1").pluck();
  router.get("/healthz", (_req, res) => {
    ping.get();
    res.status(200).json({ status: "ok", mode });
  });
  return router;
}
