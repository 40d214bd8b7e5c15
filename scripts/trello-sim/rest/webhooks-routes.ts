import { Router, type Response } from "express";
import { z } from "zod";
import { webhookJson } from "../json/model-json";
import { isObjectId } from "../model/object-id";
import type { SimWebhook } from "../model/sim-model";
import type { SimCore } from "../sim-core";
import { sendHttp } from "../webhooks/send-http";
import { authOf, checkId, isBoardMember } from "./access";
import { booleanParam, readParams } from "./read-params";
import { NO_PERMISSION_TEXT, NOT_FOUND_TEXT, TrelloHttpError } from "./trello-http-error";

const webhookParams = z.object({
  callbackURL: z.url({ protocol: /^https?$/ }).max(16384),
  idModel: z.string(),
  description: z.string().max(16384).optional(),
  active: booleanParam.optional(),
});

/** GET/POST/PUT/DELETE /1/webhooks…: webhooks belong to the token that made them. */
export function webhooksRoutes(core: SimCore): Router {
  const router = Router();
  const { store } = core;

  /** Trello only lets a token watch models its member can see: a board they are on, its lists and cards, or themselves. */
  function checkModel(res: Response, idModel: string): void {
    const idMember = authOf(res).member.id;
    if (!isObjectId(idModel)) throw new TrelloHttpError(400, "invalid value for idModel");
    const idBoard =
      store.boards.get(idModel)?.id ?? store.cards.get(idModel)?.idBoard ?? store.lists.get(idModel)?.idBoard;
    const board = idBoard ? store.boards.get(idBoard) : undefined;
    if (board ? isBoardMember(board, idMember) : idModel === idMember) return;
    throw new TrelloHttpError(400, "invalid value for idModel");
  }

  /** Trello HEADs the callback and refuses to create or move a webhook unless it answers 200. */
  async function checkCallback(callbackURL: string): Promise<void> {
    let got: string;
    try {
      const status = await sendHttp(
        { method: "HEAD", url: callbackURL, timeoutMs: core.deliverer.config.timeoutMs },
        core.agents,
      );
      if (status === 200) return;
      got = String(status);
    } catch (err) {
      got = (err as { code?: string }).code ?? "no response";
    }
    throw new TrelloHttpError(400, `URL (${callbackURL}) did not return 200 status code, got ${got}`);
  }

  function ownWebhook(res: Response, id: string): SimWebhook {
    checkId(id);
    const webhook = store.webhooks.get(id);
    if (!webhook) throw new TrelloHttpError(404, NOT_FOUND_TEXT);
    if (webhook.token !== authOf(res).token.token) throw new TrelloHttpError(401, NO_PERMISSION_TEXT);
    return webhook;
  }

  function duplicateOf(token: string, idModel: string, callbackURL: string, except?: string): boolean {
    return [...store.webhooks.values()].some(
      (webhook) =>
        webhook.id !== except &&
        webhook.token === token &&
        webhook.idModel === idModel &&
        webhook.callbackURL === callbackURL,
    );
  }

  async function create(res: Response, params: z.infer<typeof webhookParams>): Promise<void> {
    const { token } = authOf(res);
    checkModel(res, params.idModel);
    if (duplicateOf(token.token, params.idModel, params.callbackURL)) {
      throw new TrelloHttpError(400, "A webhook with that callback, model, and token already exists");
    }
    await checkCallback(params.callbackURL);
    const webhook: SimWebhook = {
      id: core.ctx.newId(core.now()),
      token: token.token,
      idModel: params.idModel,
      callbackURL: params.callbackURL,
      description: params.description ?? "",
      active: params.active ?? true,
      consecutiveFailures: 0,
      firstConsecutiveFailDate: null,
    };
    store.webhooks.set(webhook.id, webhook);
    res.json(webhookJson(webhook));
  }

  router.post("/webhooks", async (req, res) => create(res, readParams(req, webhookParams)));

  router.post("/tokens/:token/webhooks", async (req, res) => {
    if (req.params.token !== authOf(res).token.token) throw new TrelloHttpError(401, NO_PERMISSION_TEXT);
    await create(res, readParams(req, webhookParams));
  });

  router.get("/tokens/:token/webhooks", (req, res) => {
    if (req.params.token !== authOf(res).token.token) throw new TrelloHttpError(401, NO_PERMISSION_TEXT);
    res.json([...store.webhooks.values()].filter((webhook) => webhook.token === req.params.token).map(webhookJson));
  });

  router.get("/webhooks/:id", (req, res) => {
    res.json(webhookJson(ownWebhook(res, req.params.id)));
  });

  router.put("/webhooks/:id", async (req, res) => {
    const webhook = ownWebhook(res, req.params.id);
    const params = readParams(req, webhookParams.partial());
    const next = {
      ...webhook,
      ...Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)),
    };
    if (params.idModel !== undefined) checkModel(res, params.idModel);
    if (duplicateOf(webhook.token, next.idModel, next.callbackURL, webhook.id)) {
      throw new TrelloHttpError(400, "A webhook with that callback, model, and token already exists");
    }
    if (params.callbackURL !== undefined && params.callbackURL !== webhook.callbackURL)
      await checkCallback(params.callbackURL);
    // Switching a deactivated webhook back on starts its failure count afresh.
    if (next.active && !webhook.active) Object.assign(next, { consecutiveFailures: 0, firstConsecutiveFailDate: null });
    Object.assign(webhook, next);
    res.json(webhookJson(webhook));
  });

  router.delete("/webhooks/:id", (req, res) => {
    store.webhooks.delete(ownWebhook(res, req.params.id).id);
    res.json({ _value: null });
  });

  return router;
}
