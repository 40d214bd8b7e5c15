import { Router, type RequestHandler } from "express";
import helmet, { contentSecurityPolicy, crossOriginResourcePolicy, xFrameOptions } from "helmet";

/** Where Trello shows a Power-Up's iframes: its pages embed ours (board, card back, popups, modals). */
export const TRELLO_FRAME_ANCESTORS = ["https://trello.com", "https://*.trello.com"] as const;
/** Trello's client library and stylesheet. */
const TRELLO_CDN = "https://p.trellocdn.com";

export interface SecurityHeadersOptions {
  /** Trello's REST base (the simulator in the demo): the pages call it with the member's token. */
  trelloApiBase: string;
  /** The dev host is mounted (demo): it frames the pages from this service's own origin. */
  devHost: boolean;
}

/**
 * Every response's security headers, set by helmet in one place: nosniff and helmet's other defaults everywhere; a
 * Content-Security-Policy on the Power-Up's pages that runs only our scripts and Trello's (no inline script, no eval)
 * and lets only Trello (and the dev host in the demo) frame them; and for the API, no framing, no caching.
 */
export function securityHeaders({ trelloApiBase, devHost }: SecurityHeadersOptions): Router {
  const router = Router();
  // Framing and cross-origin reads differ by area, so helmet's defaults for them are set below, per area.
  router.use(
    helmet({
      contentSecurityPolicy: false,
      xFrameOptions: false,
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
    }),
  );

  const frameAncestors = [...TRELLO_FRAME_ANCESTORS, ...(devHost ? ["'self'"] : [])];
  router.use(
    "/powerup",
    contentSecurityPolicy({
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", TRELLO_CDN],
        // Pages carry small <style> blocks and Preact sets style properties; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'", TRELLO_CDN],
        fontSrc: ["'self'", "data:", TRELLO_CDN],
        imgSrc: ["'self'", "data:", "https:"],
        connectSrc: ["'self'", new URL(trelloApiBase).origin],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors,
      },
    }),
    // Trello loads the icon (an <img> on trello.com) and the connector from its own origin.
    crossOriginResourcePolicy({ policy: "cross-origin" }),
  );

  const noStore: RequestHandler = (_req, res, next) => {
    // Reports, registries and connection states are a board's private data: no browser or proxy keeps a copy.
    res.set("cache-control", "no-store");
    next();
  };
  router.use(
    "/api",
    noStore,
    contentSecurityPolicy({ useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }),
    xFrameOptions({ action: "deny" }),
    crossOriginResourcePolicy({ policy: "same-origin" }),
  );
  // A shared report is a public page holding one party's private report: it runs nothing (sandbox, no script at all),
  // loads nothing from elsewhere, is framed by no one, kept by no cache (a revoked link must stop at once), indexed by
  // no search engine, and sends no Referer with its token when a reader follows a link out of it.
  router.use(
    "/share",
    noStore,
    contentSecurityPolicy({
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["data:"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        sandbox: [],
      },
    }),
    xFrameOptions({ action: "deny" }),
    crossOriginResourcePolicy({ policy: "same-origin" }),
    (_req, res, next) => {
      res.set("referrer-policy", "no-referrer");
      res.set("x-robots-tag", "noindex, nofollow");
      next();
    },
  );
  return router;
}
