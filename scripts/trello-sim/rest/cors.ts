import type { RequestHandler } from "express";

/**
 * The CORS headers Trello's API sends on every response, so pages in other origins (the Power-Up iframe, the
 * demo's dev host) can call the simulator from a browser and read the rate-limit headers.
 */
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, PUT, POST, DELETE",
  "access-control-allow-headers": "Authorization, Accept, Content-Type",
  "access-control-expose-headers": [
    "x-rate-limit-api-key-interval-ms",
    "x-rate-limit-api-key-max",
    "x-rate-limit-api-key-remaining",
    "x-rate-limit-api-token-interval-ms",
    "x-rate-limit-api-token-max",
    "x-rate-limit-api-token-remaining",
  ].join(", "),
};

/** Sets Trello's CORS headers and answers preflight requests before anything counts or checks them. */
export const cors: RequestHandler = (req, res, next) => {
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
};
