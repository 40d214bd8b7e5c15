import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { createApp, deliveryOf, renderPoolOf, syncRunnerOf, type AppDeps } from "./app";
import type { Config } from "./config/load-config";
import type { Logger } from "./log/create-logger";
import { pooledReportProducer } from "./reports/pool/pooled-report-producer";
import { createReportScheduler } from "./reports/schedule/create-report-scheduler";
import { openDatabase, type Db } from "./store/open-database";
import { createStore } from "./store/create-store";
import { startCheckpointer } from "./store/start-checkpointer";
import { createTrelloClient } from "./trello/create-trello-client";

/** How often every connected board is reconciled with Trello, repairing missed deliveries. */
export const RECONCILE_INTERVAL_MS = 15 * 60_000;

export interface RunningService {
  app: Express;
  db: Db;
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Opens the store, builds the app, listens, resumes interrupted syncs and schedules reconciles and month-close reports. */
export async function startService(
  config: Config,
  log: Logger,
  extras: Pick<AppDeps, "powerUp" | "devHost" | "delivery"> & {
    /** The month-close schedule's clock (tests). */ now?: () => number;
  } = {},
): Promise<RunningService> {
  const db = openDatabase(config.databasePath);
  const checkpointer = startCheckpointer(db, log);
  // The Trello client keeps only our Power-Up's pluginData; what an earlier version stored of others' goes now.
  if (config.powerUpId) createStore(db).pluginData.removeOtherPowerUps(config.powerUpId);
  const trello = createTrelloClient({
    apiBase: config.trelloApiBase,
    apiKey: config.trello?.apiKey ?? "",
    pluginId: config.powerUpId,
  });
  const app = createApp({
    config,
    db,
    log,
    trello,
    powerUp: extras.powerUp,
    devHost: extras.devHost,
    delivery: extras.delivery,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, (err?: Error) => (err ? reject(err) : resolve(listening)));
  });
  // Longer than the usual load balancer idle timeout, so keep-alive connections are not cut mid-request.
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  log.info({ port, publicUrl: config.publicUrl, webhook: config.webhookCallbackUrl }, "Stakeholder Loop is listening");

  const runner = syncRunnerOf(app);
  if (runner) {
    for (const connection of createStore(db).connections.all()) {
      if (connection.status !== "ready") void runner.sync(connection.boardId);
    }
    runner.startSchedule(RECONCILE_INTERVAL_MS);
  }
  // Reads the store only, so it runs in the demo and while Trello is unreachable; its first run catches up on months
  // that closed while the service was down.
  const renderPool = renderPoolOf(app);
  const reports = createReportScheduler({
    store: createStore(db),
    log,
    now: extras.now,
    producer: pooledReportProducer(renderPool),
  });
  reports.start();
  // Sends what was queued before a restart; a delivery a stop interrupted mid-send is marked failed, not resent.
  const delivery = deliveryOf(app);
  delivery.worker.start();
  return {
    app,
    db,
    server,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Requests in flight (a webhook being stored) finish; idle keep-alive connections are closed now.
      server.closeIdleConnections();
      await runner?.stop();
      await reports.stop();
      await delivery.close();
      await closed;
      await renderPool.close();
      await checkpointer.close();
      db.close();
    },
  };
}
