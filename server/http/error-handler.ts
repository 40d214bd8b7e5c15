import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, ErrorCode } from "./app-error";

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Maps errors thrown by body parsers (which carry `status` and `type`) onto the stable codes. */
function fromBodyParser(err: { status?: unknown; type?: unknown }): AppError | undefined {
  if (typeof err.status !== "number" || typeof err.type !== "string") return undefined;
  if (err.status === 413) return new AppError(413, ErrorCode.PayloadTooLarge, "The request body is over the 1 MiB limit");
  if (err.status >= 400 && err.status < 500) return new AppError(err.status, ErrorCode.BadRequest, "The request body could not be read");
  return undefined;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err && typeof err === "object") {
    const parsed = fromBodyParser(err as { status?: unknown; type?: unknown });
    if (parsed) return parsed;
  }
  return new AppError(500, ErrorCode.Internal, "Something went wrong on our side", { cause: err });
}

/** The single error handler: logs with the request's logger and answers in the stable error shape. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  const level = appError.status >= 500 ? "error" : "warn";
  req.log[level]({ err, code: appError.code }, appError.message);
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  res.status(appError.status).json(body);
};

/** Answers unknown routes in the stable error shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, ErrorCode.NotFound, `No route for ${req.method} ${req.path}`));
};
