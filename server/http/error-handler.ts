import type { ErrorRequestHandler, RequestHandler } from "express";
import { TokenUnreadableError } from "../auth/token-unreadable-error";
import { DELIVERY_ERROR_STATUS, DeliveryError } from "../delivery/delivery-error";
import { AppError, ErrorCode } from "./app-error";
import { payloadTooLarge } from "./payload-too-large";

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Maps errors thrown by body parsers (which carry `status`, `type` and, for 413, the route's `limit`) onto the stable codes. */
function fromBodyParser(err: { status?: unknown; type?: unknown; limit?: unknown }): AppError | undefined {
  if (typeof err.status !== "number" || typeof err.type !== "string") return undefined;
  if (err.status === 413) return payloadTooLarge(typeof err.limit === "number" ? err.limit : undefined);
  if (err.status >= 400 && err.status < 500)
    return new AppError(err.status, ErrorCode.BadRequest, "The request body could not be read");
  return undefined;
}

/** The router's own refusals (a path segment that is not valid percent-encoding) carry a 4xx status and no type. */
function fromRouter(err: { status?: unknown; message?: unknown }): AppError | undefined {
  if (typeof err.status !== "number" || err.status < 400 || err.status >= 500) return undefined;
  return new AppError(err.status, ErrorCode.BadRequest, `The request could not be read: ${String(err.message)}`);
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof TokenUnreadableError) return new AppError(409, ErrorCode.TokenUnreadable, err.message);
  if (err instanceof DeliveryError) return new AppError(DELIVERY_ERROR_STATUS[err.code], err.code, err.message);
  if (err && typeof err === "object") {
    const parsed =
      fromBodyParser(err as { status?: unknown; type?: unknown }) ??
      fromRouter(err as { status?: unknown; message?: unknown });
    if (parsed) return parsed;
  }
  return new AppError(500, ErrorCode.Internal, "Something went wrong on our side", { cause: err });
}

/** The single error handler: logs with the request's logger and answers in the stable error shape. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  const level = appError.status >= 500 ? "error" : "warn";
  req.log[level]({ err, code: appError.code }, appError.message);
  // A refused request's unread body (a huge declared Content-Length, say) is not read after the answer either: Node
  // would drain it to keep the connection alive, so the connection is closed instead.
  if (!req.complete) res.set("connection", "close");
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.retryAfterSeconds !== undefined)
    res.set("retry-after", String(Math.max(1, Math.ceil(appError.retryAfterSeconds))));
  res.status(appError.status).json(body);
};

/** Answers unknown routes in the stable error shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, ErrorCode.NotFound, `No route for ${req.method} ${req.path}`));
};
