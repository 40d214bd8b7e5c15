import express, { type RequestHandler } from "express";
import { refuseLargeBody } from "./refuse-large-body";

/** A route's JSON body parser with its limit in bytes: a larger declared body is refused before it is read. */
export function jsonBody(limitBytes: number): RequestHandler[] {
  return [refuseLargeBody(limitBytes), express.json({ limit: limitBytes })];
}
