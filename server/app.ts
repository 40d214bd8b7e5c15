import { randomUUID } from "node:crypto";
import express, { type Express } from "express";
import { pinoHttp } from "pino-http";
import type { Config } from "./config/load-config";
import { createHealthRouter } from "./health/health-router";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import { serializeRequest, type Logger } from "./log/create-logger";
import { createStore } from "./store/create-store";
import type { Db } from "./store/open-database";
import { createActionIngester } from "./sync/create-action-ingester";
import { createWebhooksRouter } from "./webhooks/webhooks-router";

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
}

/** Builds the Express app from what it depends on; only the entry point listens. */
export function createApp({ config, db, log }: AppDeps): Express {
  const store = createStore(db);
  const app = express();
  app.disable("x-powered-by");
  app.use(
    pinoHttp({
      logger: log,
      serializers: {
        req: serializeRequest,
      },
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
    }),
  );
  app.use(createHealthRouter({ db, mode: config.mode }));
  app.use(
    createWebhooksRouter({
      callbackUrl: config.webhookCallbackUrl,
      secret: config.trello?.apiSecret,
      ingest: createActionIngester(store),
    }),
  );
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
