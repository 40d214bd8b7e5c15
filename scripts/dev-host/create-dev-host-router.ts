import express, { Router } from "express";
import { devHostSessionSchema, type DevHostSessionInput } from "./dev-host-session";

/** Where the fake Trello client is served: the `trelloClientScript` the Power-Up's pages load in the dev host. */
export const DEV_HOST_CLIENT_SCRIPT = "/dev-host/power-up-client.js";

export interface DevHostRouterOptions {
  /** The built dev host (dist/dev-host/). */
  dir: string;
  session: DevHostSessionInput;
}

/**
 * `/dev-host/`: a page standing in for Trello (the simulator's board, the connector's badges and buttons,
 * popups, modals and the board bar) with its fake Trello client. Demo only: it hands out a member's token.
 */
export function createDevHostRouter({ dir, session }: DevHostRouterOptions): Router {
  const checked = devHostSessionSchema.parse(session);
  const router = Router();
  // The page loads ./dev-host.js and ./session.json: without the trailing slash they would miss the folder.
  router.get("/dev-host", (req, res, next) => {
    const query = req.originalUrl.indexOf("?");
    if (req.path.endsWith("/")) return next();
    res.redirect(`/dev-host/${query === -1 ? "" : req.originalUrl.slice(query)}`);
  });
  router.get("/dev-host/session.json", (_req, res) => void res.set("cache-control", "no-store").json(checked));
  router.use("/dev-host", express.static(dir, { index: "index.html" }));
  return router;
}
