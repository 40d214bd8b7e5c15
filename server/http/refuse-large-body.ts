import type { RequestHandler } from "express";
import { payloadTooLarge } from "./payload-too-large";

/**
 * Refuses a request whose declared Content-Length is over the route's limit before a byte of its body is read. Body
 * parsers check the same limit but read the whole body off the connection before they answer.
 */
export function refuseLargeBody(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.get("content-length"));
    next(Number.isFinite(declared) && declared > limitBytes ? payloadTooLarge(limitBytes) : undefined);
  };
}
