import { Router } from "express";
import {
  chatWebhookRequestSchema,
  sendUpdateRequestSchema,
  type DeliveryView,
  type StakeholderDeliveryView,
  type UpdateDraftView,
} from "../../shared/api/delivery-api";
import { isChatChannel, type DeliveryChannel } from "../../shared/loop/delivery-channel";
import { firstIssue } from "../../shared/first-issue";
import type { TokenCipher } from "../auth/token-cipher";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import type { DeliveryPipeline } from "../delivery/create-delivery-pipeline";
import { DeliveryError } from "../delivery/delivery-error";
import { webhookUrlProblem } from "../delivery/is-allowed-webhook-url";
import { loadUpdateDraft } from "../delivery/updates/load-update-draft";
import { stakeholderRoute, type StakeholderRoute } from "../delivery/updates/stakeholder-route";
import { AppError, ErrorCode } from "../http/app-error";
import { jsonBody } from "../http/json-body";
import type { Store } from "../store/create-store";
import type { Delivery } from "../store/deliveries-store";

export interface DeliveriesRouterDeps {
  verifyJwt: VerifyMemberJwt;
  store: Store;
  delivery: DeliveryPipeline;
  /** Seals chat webhook URLs; without it (no TOKEN_ENCRYPTION_KEY) none can be stored. */
  cipher?: TokenCipher;
  /** The demo and tests: webhook URLs on a loopback address are accepted (their catchers listen there). */
  allowLocalWebhooks?: boolean;
  now?: () => Date;
}

/** How many of a stakeholder's (or a board's) deliveries a page is shown. */
const LISTED = 50;

/** A delivery as a member sees it: no body, no webhook URL. */
export function deliveryView(d: Delivery): DeliveryView {
  return {
    id: d.id,
    ...(d.stakeholderCardId ? { stakeholderCardId: d.stakeholderCardId } : {}),
    kind: d.kind,
    channel: d.channel,
    audience: d.audience,
    ...(d.channel === "email" ? { to: d.recipient } : {}),
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    ...(d.lastError ? { lastError: d.lastError } : {}),
    createdAt: d.createdAt,
    ...(d.sentAt ? { sentAt: d.sentAt } : {}),
  };
}

const routeFields = (route: StakeholderRoute) => ({
  cardId: route.cardId,
  channel: route.channel,
  audience: route.audience,
  ...(route.party ? { party: route.party } : {}),
  ...(route.channel === "email" && route.to ? { to: route.to } : {}),
  ready: route.ready,
  ...(route.missing ? { missing: route.missing } : {}),
});

function chatChannelOf(route: StakeholderRoute): Exclude<DeliveryChannel, "email"> {
  if (!isChatChannel(route.channel))
    throw new DeliveryError(
      "NOT_SENDABLE",
      `${route.stakeholder.name}'s channel is email: a webhook URL is for Slack, Teams or Google Chat`,
    );
  return route.channel as Exclude<DeliveryChannel, "email">;
}

/**
 * A stakeholder's delivery routes for board members (member JWT): their route and sends, the chat webhook URL (write
 * only), the update draft, and sending it; and the board's deliveries (failures are shown to the PM there).
 */
export function createDeliveriesRouter({
  verifyJwt,
  store,
  delivery,
  cipher,
  allowLocalWebhooks = false,
  now = () => new Date(),
}: DeliveriesRouterDeps): Router {
  const router = Router();
  const auth = requireMemberJwt(verifyJwt);
  const base = "/api/boards/:boardId/stakeholders/:cardId";
  const routeOf = (req: { params: Record<string, unknown> }) =>
    stakeholderRoute(store, String(req.params.boardId), String(req.params.cardId), now());

  router.get(`${base}/delivery`, auth, (req, res) => {
    const route = routeOf(req);
    const body: StakeholderDeliveryView = {
      ...routeFields(route),
      webhookSet: store.chatWebhooks.getSealed(route.boardId, route.cardId) !== undefined,
      update: route.update,
      deliveries: store.deliveries.listStakeholder(route.boardId, route.cardId, LISTED).map(deliveryView),
    };
    res.json(body);
  });

  router.post(`${base}/chat-webhook`, auth, ...jsonBody(8 * 1024), (req, res) => {
    const route = routeOf(req);
    const channel = chatChannelOf(route);
    const parsed = chatWebhookRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new AppError(400, ErrorCode.BadRequest, firstIssue(parsed.error, "body"));
    const problem = webhookUrlProblem(channel, parsed.data.url, allowLocalWebhooks);
    if (problem) throw new DeliveryError("INVALID_WEBHOOK_URL", problem);
    if (!cipher)
      throw new DeliveryError(
        "CHANNEL_NOT_CONFIGURED",
        "The service has no TOKEN_ENCRYPTION_KEY to store a webhook URL with",
      );
    store.chatWebhooks.save(
      route.boardId,
      route.cardId,
      cipher.encrypt(parsed.data.url),
      memberOf(req).idMember,
      now(),
    );
    res.json({ webhookSet: true });
  });

  router.delete(`${base}/chat-webhook`, auth, (req, res) => {
    const route = routeOf(req);
    store.chatWebhooks.remove(route.boardId, route.cardId);
    res.json({ webhookSet: false });
  });

  router.get(`${base}/update-draft`, auth, (req, res) => {
    const route = routeOf(req);
    const draft = loadUpdateDraft(store, route, now());
    const body: UpdateDraftView = {
      ...routeFields(route),
      sinceDay: draft.sinceDay,
      subject: draft.subject,
      text: draft.text,
      changes: draft.changes,
    };
    res.json(body);
  });

  router.post(`${base}/updates`, auth, ...jsonBody(64 * 1024), (req, res) => {
    const route = routeOf(req);
    const parsed = sendUpdateRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new AppError(400, ErrorCode.BadRequest, firstIssue(parsed.error, "body"));
    if (!route.ready) throw new DeliveryError("NOT_SENDABLE", route.missing!);
    if (route.channel === "email" && !delivery.emailConfigured) {
      throw new DeliveryError(
        "CHANNEL_NOT_CONFIGURED",
        "Email is not configured on this service (SMTP_URL): ask whoever runs it, or log the update by hand",
      );
    }
    const { subject, text, idempotencyKey } = parsed.data;
    const queued = delivery.enqueue(
      {
        boardId: route.boardId,
        stakeholderCardId: route.cardId,
        // Scoped to the board and card, so one member's key can never name another board's message.
        idempotencyKey: `update:${route.boardId}:${route.cardId}:${idempotencyKey}`,
        kind: "update",
        audience: route.audience,
        channel: route.channel,
        to: route.to,
        subject,
        text,
      },
      memberOf(req).idMember,
    );
    res.status(queued.created ? 202 : 200).json({ delivery: deliveryView(store.deliveries.get(queued.id)!) });
  });

  router.get("/api/boards/:boardId/deliveries/:id", auth, (req, res) => {
    const found = store.deliveries.get(Number(req.params.id));
    if (!found || found.boardId !== String(req.params.boardId))
      throw new AppError(404, ErrorCode.NotFound, "No such delivery on this board");
    res.json({ delivery: deliveryView(found) });
  });

  router.get("/api/boards/:boardId/deliveries", auth, (req, res) => {
    res.json({ deliveries: store.deliveries.listBoard(String(req.params.boardId), LISTED).map(deliveryView) });
  });
  return router;
}
