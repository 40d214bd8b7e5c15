import type { ErrorRequestHandler } from "express";
import { SimError } from "../operations/sim-error";

/** Trello's body for a well-formed id that names nothing. */
export const NOT_FOUND_TEXT = "The requested resource was not found.";
/** Trello's body when the token's member may not see or change the model. */
export const NO_PERMISSION_TEXT = "unauthorized permission requested";

/** A refusal answered the way Trello answers it: a status and a plain-text body. */
export class TrelloHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(body);
    this.name = "TrelloHttpError";
  }
}

function fromSimError(err: SimError): TrelloHttpError {
  if (err.kind === "not-found") return new TrelloHttpError(404, NOT_FOUND_TEXT);
  if (err.kind === "forbidden") return new TrelloHttpError(401, NO_PERMISSION_TEXT);
  return new TrelloHttpError(400, `invalid value for ${err.field}`);
}

/** Maps body-parser failures (which carry `status` and `type`) the way Trello reports a body it cannot read. */
function fromBodyParser(err: unknown): TrelloHttpError | undefined {
  const candidate = err as { status?: unknown; type?: unknown };
  if (typeof candidate?.status !== "number" || typeof candidate.type !== "string") return undefined;
  return new TrelloHttpError(
    candidate.status,
    candidate.status === 413 ? "request entity too large" : "invalid request body",
  );
}

/** The /1/ error handler: everything Trello refuses is answered in plain text, as Trello does. */
export const trelloErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const known =
    err instanceof TrelloHttpError ? err : err instanceof SimError ? fromSimError(err) : fromBodyParser(err);
  const error = known ?? new TrelloHttpError(500, "Internal Server Error");
  res.status(error.status).type("text/plain").send(error.body);
};
