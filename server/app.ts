import path from "node:path";
import express, { type Express, type RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import { createConnectionsRouter } from "./api/connections-router";
import { createDeliveriesRouter } from "./api/deliveries-router";
import { createPluginDataRouter } from "./api/plugin-data-router";
import { createReportsRouter, RENDERS_PER_BOARD } from "./api/reports-router";
import { createReportSendRouter } from "./api/report-send-router";
import { createReviewCalendarRouter } from "./api/review-calendar-router";
import { createShareLinksRouter } from "./api/share-links-router";
import { createStakeholdersRouter } from "./api/stakeholders-router";
import { createJwtVerifier, type VerifyMemberJwt } from "./auth/create-jwt-verifier";
import { requireMemberJwt } from "./auth/require-member-jwt";
import { apiRateLimits, DEFAULT_API_RATE_LIMITS, type ApiRateLimits } from "./http/api-rate-limits";
import { fetchTrelloJwtKeys } from "./auth/fetch-trello-jwt-keys";
import { createTokenCipher } from "./auth/token-cipher";
import type { Config } from "./config/load-config";
import {
  createDeliveryPipeline,
  type DeliveryPipeline,
  type DeliveryTuning,
} from "./delivery/create-delivery-pipeline";
import { recordSendInTrello } from "./delivery/record-send-in-trello";
import { createHealthRouter } from "./health/health-router";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import { securityHeaders } from "./http/security-headers";
import { serializeRequest, type Logger } from "./log/create-logger";
import { requestId } from "./log/request-id";
import { createPowerUpRouter } from "./powerup/create-powerup-router";
import { projectRoot } from "./powerup/project-root";
import { createRenderPool, type RenderPool } from "./reports/pool/create-render-pool";
import { organizerOf } from "./calendar/organizer-of";
import { sendReviewInvitations } from "./calendar/send-review-invitations";
import { createShareViewRouter } from "./share/share-view-router";
import { pooledReportProducer } from "./reports/pool/pooled-report-producer";
import { createStore } from "./store/create-store";
import { createWalSyncer } from "./store/create-wal-syncer";
import type { Db } from "./store/open-database";
import { createBatchIngester } from "./sync/create-action-ingester";
import { createBoardSyncRunner, type BoardSyncRunner } from "./sync/create-board-sync-runner";
import { createGroupCommitter } from "./sync/create-group-committer";
import type { TrelloClient } from "./trello/create-trello-client";
import { createWebhooksRouter } from "./webhooks/webhooks-router";

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  /** Trello's REST API (the simulator in tests and the demo). */
  trello: TrelloClient;
  /** Verifies t.jwt tokens; defaults to Trello's public keys at TRELLO_API_BASE. */
  verifyJwt?: VerifyMemberJwt;
  /** Where the built pages are (default dist/powerup/) and, for the dev host, the Trello client script they load instead. */
  powerUp?: { dir?: string; trelloClientScript?: string };
  /** The dev host (demo only): a page standing in for Trello, served beside the pages it hosts. */
  devHost?: RequestHandler;
  /** Where reports are rendered; a pool of its own by default (closed by whoever started the app). */
  renderPool?: RenderPool;
  /** The API's rate limits and snapshot quota (defaults: DEFAULT_API_RATE_LIMITS, SNAPSHOTS_PER_BOARD_PER_DAY). */
  limits?: Partial<ApiRateLimits> & { snapshotsPerDay?: number };
  /** The delivery worker's polling, backoff and timeouts (tests make them short); loopback webhook URLs (demo: always). */
  delivery?: DeliveryTuning & { allowLocalWebhooks?: boolean };
}

/** The background board syncs an app runs (exposed for the entry point and tests). */
export function syncRunnerOf(app: Express): BoardSyncRunner | undefined {
  return app.locals.syncRunner as BoardSyncRunner | undefined;
}

/** The app's report render pool (for the month-close schedule, and to close it with the service). */
export function renderPoolOf(app: Express): RenderPool {
  return app.locals.renderPool as RenderPool;
}

/** The app's delivery pipeline: its worker is started and stopped by the entry point (startService). */
export function deliveryOf(app: Express): DeliveryPipeline {
  return app.locals.delivery as DeliveryPipeline;
}

/** Builds the Express app from what it depends on; only the entry point listens. */
export function createApp({
  config,
  db,
  log,
  trello,
  verifyJwt,
  powerUp,
  devHost,
  limits,
  delivery: tuning,
  renderPool = createRenderPool(),
}: AppDeps): Express {
  const store = createStore(db);
  const app = express();
  app.disable("x-powered-by");
  // Webhook deliveries first, ahead of the per-request logger, helmet and every other router: they come by the
  // hundred per second at capacity, Trello's signature is their authentication, and the route logs for itself
  // (failures always, stored deliveries at debug).
  app.use(
    createWebhooksRouter({
      callbackUrl: config.webhookCallbackUrl,
      secret: config.trello?.apiSecret,
      enqueue: createGroupCommitter(createBatchIngester(store), { syncWal: createWalSyncer(db) }),
      isRetired: (webhookId) => store.retiredWebhooks.isRetired(webhookId),
      log,
    }),
  );
  app.use(pinoHttp({ logger: log, serializers: { req: serializeRequest }, genReqId: requestId }));
  app.use(securityHeaders({ trelloApiBase: config.trelloApiBase, devHost: devHost !== undefined }));
  app.use(createHealthRouter({ db, mode: config.mode }));

  const cipher = config.tokenEncryptionKey ? createTokenCipher(config.tokenEncryptionKey) : undefined;
  const runner = cipher ? createBoardSyncRunner({ client: trello, store, cipher, log }) : undefined;
  app.locals.syncRunner = runner;
  app.locals.renderPool = renderPool;
  const delivery = createDeliveryPipeline({
    store,
    log,
    smtp: config.smtp,
    cipher,
    afterSent: cipher ? recordSendInTrello({ store, cipher, trello }) : undefined,
    tuning,
  });
  app.locals.delivery = delivery;
  const allowLocalWebhooks = config.mode === "demo" || tuning?.allowLocalWebhooks === true;
  // One verifier for every Power-Up route, so Trello's public keys are fetched and cached once.
  const memberJwt =
    verifyJwt ??
    createJwtVerifier({ fetchKeys: () => fetchTrelloJwtKeys(config.trelloApiBase), pluginId: config.powerUpId });
  // Every API route: the member's JWT first, so the limits count verified members and boards, never forgeries.
  app.use(
    "/api/boards/:boardId",
    requireMemberJwt(memberJwt),
    ...apiRateLimits({ ...DEFAULT_API_RATE_LIMITS, ...limits }),
  );
  app.use(
    createConnectionsRouter({
      verifyJwt: memberJwt,
      connect:
        cipher && config.trello
          ? { client: trello, store, cipher, callbackUrl: config.webhookCallbackUrl, log }
          : undefined,
      runner,
      store,
    }),
  );
  const invitations = {
    store,
    enqueue: delivery.enqueue,
    organizer: organizerOf(config.smtp?.from ?? `Stakeholder Loop <loop@${new URL(config.publicUrl).hostname}>`),
  };
  app.use(
    createPluginDataRouter({
      verifyJwt: memberJwt,
      refresh: cipher && config.trello ? { client: trello, store, cipher } : undefined,
      // A sprint saved with new dates: those invited to its review get the moved event (next SEQUENCE) by themselves.
      afterRefresh: ({ boardId, idCard, memberId }) =>
        idCard &&
        void sendReviewInvitations(invitations, {
          boardId,
          sprintCardId: idCard,
          createdBy: memberId,
          updatesOnly: true,
        }),
    }),
  );
  app.use(
    createReportsRouter({
      verifyJwt: memberJwt,
      store,
      producer: pooledReportProducer(renderPool),
      renderLimit: { perBoard: RENDERS_PER_BOARD, retryAfterSeconds: renderPool.retryAfterSeconds },
      snapshotsPerDay: limits?.snapshotsPerDay,
    }),
  );
  app.use(createStakeholdersRouter({ verifyJwt: memberJwt, store }));
  app.use(createDeliveriesRouter({ verifyJwt: memberJwt, store, delivery, cipher, allowLocalWebhooks }));
  app.use(createShareLinksRouter({ verifyJwt: memberJwt, store, publicUrl: config.publicUrl }));
  app.use(createShareViewRouter({ store }));
  app.use(
    createReportSendRouter({
      verifyJwt: memberJwt,
      store,
      publicUrl: config.publicUrl,
      producer: pooledReportProducer(renderPool),
      enqueue: delivery.enqueue,
    }),
  );
  app.use(createReviewCalendarRouter({ verifyJwt: memberJwt, publicUrl: config.publicUrl, ...invitations }));
  const root = projectRoot();
  app.use(
    createPowerUpRouter({
      dir: powerUp?.dir ?? path.join(root, "dist", "powerup"),
      manifestPath: path.join(root, "manifest.json"),
      config: {
        appKey: config.trello?.apiKey ?? null,
        appName: "Stakeholder Loop",
        trelloApiBase: config.trelloApiBase,
      },
      trelloClientScript: powerUp?.trelloClientScript,
      sourceMaps: devHost !== undefined,
    }),
  );
  if (devHost) app.use(devHost);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
