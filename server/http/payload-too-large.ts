import { AppError, ErrorCode } from "./app-error";

/** A byte count as people read limits: 4 KiB, 16 KiB, 1 MiB. */
function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The 413 every route answers, naming that route's own limit. */
export function payloadTooLarge(limitBytes: number | undefined): AppError {
  const limit = limitBytes === undefined ? "" : ` of ${sizeText(limitBytes)}`;
  return new AppError(413, ErrorCode.PayloadTooLarge, `The request body is over this route's limit${limit}`);
}
