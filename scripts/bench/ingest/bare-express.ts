import express from "express";
import { WEBHOOK_PATH } from "../../../server/config/load-config";

/**
 * The reference target (`node dist/scripts/bench/ingest/bare-express.js <port>`): Express answering 200 to the
 * webhook route without reading, verifying or storing anything. Prints "ready" once listening.
 */
function main(): void {
  const app = express();
  app.post(WEBHOOK_PATH, (_req, res) => {
    res.status(200).end();
  });
  app.get("/healthz", (_req, res) => {
    res.status(200).end();
  });
  const server = app.listen(Number(process.argv[2]), "127.0.0.1", () => process.stdout.write("ready\n"));
  server.keepAliveTimeout = 65_000;
}

if (require.main === module) main();
