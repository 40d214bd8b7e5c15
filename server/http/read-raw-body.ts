import type { IncomingMessage } from "node:http";
import { AppError, ErrorCode } from "./app-error";
import { payloadTooLarge } from "./payload-too-large";

/**
 * A request's body as bytes, refused with 413 as soon as it passes `limitBytes` (a declared Content-Length over it
 * is refused earlier, by refuseLargeBody). The webhook route reads its body with this rather than express.raw:
 * body-parser's content-type and encoding handling and its async-context bindings cost about as much as the rest
 * of the route together under the bench's load, and Trello sends plain bytes that are verified as they came.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = (err: AppError) => {
      cleanup();
      // Read no more of it: the error handler answers and closes the connection (the body was not read whole).
      req.pause();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limitBytes) stop(payloadTooLarge(limitBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    };
    const onError = (err: Error) =>
      stop(new AppError(400, ErrorCode.BadRequest, "The request body could not be read", { cause: err }));
    const onClose = () => {
      if (!req.complete) onError(new Error("The connection closed before the body was complete"));
    };
    function cleanup() {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
