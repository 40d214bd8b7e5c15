import { Router, type ErrorRequestHandler, type Request, type Response } from "express";
import { WEBHOOK_PATH } from "../config/load-config";
import { AppError, ErrorCode } from "../http/app-error";
import { readRawBody } from "../http/read-raw-body";
import { refuseLargeBody } from "../http/refuse-large-body";
import type { Logger } from "../log/create-logger";
import { redactUrl } from "../log/redact-url";
import { requestId } from "../log/request-id";
import type { EnqueueAction } from "../sync/create-group-committer";
import { parseWebhookDelivery } from "./parse-webhook-delivery";
import { verifyTrelloSignature } from "./verify-trello-signature";

/** Trello's deliveries are small; anything bigger is refused before it is read into memory. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface WebhooksRouterDeps {
  /** The callback URL exactly as registered: part of what Trello signs. */
  callbackUrl: string;
  /** The Power-Up's API secret; without it no delivery can be verified. */
  secret: string | undefined;
  /** Stores the action with whatever else arrived in the same turn; settles after the commit holding it. */
  enqueue: EnqueueAction;
  /** Webhooks of disconnected boards that Trello should stop calling. */
  isRetired: (webhookId: string) => boolean;
  /** The service's logger: the route is mounted ahead of the per-request logger and makes a delivery's own when it logs. */
  log: Logger;
}

/**
 * `HEAD|POST /webhooks/trello`: verify the raw bytes, parse, enqueue, and answer 200 only after the commit that
 * stored it. Nothing else runs for a delivery: no per-request logger unless it logs, no table read.
 */
export function createWebhooksRouter({ callbackUrl, secret, enqueue, isRetired, log }: WebhooksRouterDeps): Router {
  const router = Router();
  const deliveryLog = (req: Request, res: Response) =>
    log.child({ req: { id: requestId(req, res), method: req.method, url: redactUrl(req.originalUrl) } });

  // Trello sends HEAD when a webhook is created and will not register it without a 200.
  router.head(WEBHOOK_PATH, (_req, res) => {
    res.status(200).end();
  });

  router.post(WEBHOOK_PATH, refuseLargeBody(MAX_WEBHOOK_BYTES), async (req, res) => {
    const body = await readRawBody(req, MAX_WEBHOOK_BYTES);
    if (!secret) {
      throw new AppError(
        503,
        ErrorCode.WebhooksNotConfigured,
        "Webhooks cannot be verified: TRELLO_API_SECRET is not set",
      );
    }
    const signature = req.get("x-trello-webhook");
    if (!signature)
      throw new AppError(401, ErrorCode.SignatureMissing, "The X-Trello-Webhook signature header is missing");
    if (!verifyTrelloSignature({ body, callbackUrl, secret, signature })) {
      throw new AppError(
        401,
        ErrorCode.SignatureInvalid,
        "The X-Trello-Webhook signature does not match this body and callback URL",
      );
    }
    const { delivery, actionJson } = parseWebhookDelivery(body);
    const { action } = delivery;
    if (delivery.webhook && isRetired(delivery.webhook.id)) {
      // 410 is how a receiver tells Trello to delete a webhook: the board was disconnected.
      throw new AppError(410, ErrorCode.WebhookRetired, "This webhook belongs to a disconnected board");
    }
    let duplicate: boolean;
    try {
      ({ duplicate } = await enqueue({
        action,
        rawJson: actionJson,
        context: { fallbackBoardId: delivery.model.id, source: "webhook" },
      }));
    } catch (err) {
      throw new AppError(500, ErrorCode.StoreFailed, "The delivery could not be stored; Trello will retry it", {
        cause: err,
      });
    }
    if (log.isLevelEnabled("debug"))
      deliveryLog(req, res).debug({ actionId: action.id, actionType: action.type, duplicate }, "webhook action stored");
    const answer = JSON.stringify({ received: true, actionId: action.id, duplicate });
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(answer),
      "x-content-type-options": "nosniff",
    });
    res.end(answer);
  });

  // A refused delivery goes on to the service's one error handler, which logs with the request's logger.
  const withLogger: ErrorRequestHandler = (err, req, res, next) => {
    req.log = deliveryLog(req, res);
    res.setHeader("x-content-type-options", "nosniff");
    next(err);
  };
  router.use(WEBHOOK_PATH, withLogger);

  return router;
}
