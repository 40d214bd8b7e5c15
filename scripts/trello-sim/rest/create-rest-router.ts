import express, { Router } from "express";
import { faultMiddleware } from "../faults/fault-middleware";
import { rateLimitMiddleware } from "../limits/rate-limit-middleware";
import type { SimCore } from "../sim-core";
import { boardsRoutes } from "./boards-routes";
import { cardsRoutes } from "./cards-routes";
import { readCredentials, type Credentials } from "./credentials";
import { labelsRoutes } from "./labels-routes";
import { listsRoutes } from "./lists-routes";
import { membersRoutes } from "./members-routes";
import { TrelloHttpError, trelloErrorHandler } from "./trello-http-error";
import { webhooksRoutes } from "./webhooks-routes";

/**
 * Trello's REST API under /1/: read credentials, count them against the rate limits, apply injected faults,
 * serve the public JWT keys (which need no token), then authenticate and route. Errors are Trello's texts.
 */
export function createRestRouter(core: SimCore): Router {
  const router = Router();
  router.use(express.json({ limit: "1mb" }), express.urlencoded({ extended: false, limit: "1mb" }));
  router.use((req, res, next) => {
    res.locals.credentials = readCredentials(req);
    next();
  });
  router.use(rateLimitMiddleware(core.limiter, core.apiKey, core.now));
  router.use(faultMiddleware(core.faults, core.limiter, core.now));
  router.get("/resource/jwt-public-keys", (_req, res) => {
    res.json({ keys: core.jwt.publicKeys() });
  });
  router.use((_req, res, next) => {
    const { key, token } = res.locals.credentials as Credentials;
    if (key !== core.apiKey) throw new TrelloHttpError(401, "invalid key");
    const found = token === undefined ? undefined : core.store.tokens.get(token);
    if (!found) throw new TrelloHttpError(401, "invalid token");
    res.locals.auth = { token: found, member: core.store.members.get(found.idMember)! };
    next();
  });
  router.use(
    boardsRoutes(core),
    cardsRoutes(core),
    labelsRoutes(core),
    listsRoutes(core),
    membersRoutes(core),
    webhooksRoutes(core),
  );
  router.use((req) => {
    throw new TrelloHttpError(404, `Cannot ${req.method} ${req.baseUrl}${req.path}`);
  });
  router.use(trelloErrorHandler);
  return router;
}
