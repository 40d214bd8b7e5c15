/** Stable error codes: clients and tests match on these, so never rename one. */
export const ErrorCode = {
  BadRequest: "BAD_REQUEST",
  InvalidJson: "INVALID_JSON",
  InvalidPayload: "INVALID_PAYLOAD",
  PayloadTooLarge: "PAYLOAD_TOO_LARGE",
  SignatureMissing: "SIGNATURE_MISSING",
  SignatureInvalid: "SIGNATURE_INVALID",
  WebhooksNotConfigured: "WEBHOOKS_NOT_CONFIGURED",
  StoreFailed: "STORE_FAILED",
  JwtMissing: "JWT_MISSING",
  JwtInvalid: "JWT_INVALID",
  JwtExpired: "JWT_EXPIRED",
  WrongBoard: "WRONG_BOARD",
  WrongPlugin: "WRONG_PLUGIN",
  TokenInvalid: "TOKEN_INVALID",
  TokenUnreadable: "TOKEN_UNREADABLE",
  RateLimited: "RATE_LIMITED",
  SnapshotLimit: "SNAPSHOT_LIMIT",
  TokenWrongMember: "TOKEN_WRONG_MEMBER",
  BoardNotReadable: "BOARD_NOT_READABLE",
  NotConnected: "NOT_CONNECTED",
  TrelloUnavailable: "TRELLO_UNAVAILABLE",
  WebhookRefused: "WEBHOOK_REFUSED",
  WebhookRetired: "WEBHOOK_RETIRED",
  NotAllowed: "NOT_ALLOWED",
  NotConfigured: "NOT_CONFIGURED",
  NotFound: "NOT_FOUND",
  Internal: "INTERNAL",
  DatabaseUnavailable: "DATABASE_UNAVAILABLE",
  CardNotOnBoard: "CARD_NOT_ON_BOARD",
  SnapshotUnreadable: "SNAPSHOT_UNREADABLE",
  SnapshotVersionUnsupported: "SNAPSHOT_VERSION_UNSUPPORTED",
  RenderBusy: "RENDER_BUSY",
  InvalidMessage: "INVALID_MESSAGE",
  InternalContent: "INTERNAL_CONTENT",
  KeyReused: "KEY_REUSED",
  ChannelNotConfigured: "CHANNEL_NOT_CONFIGURED",
  NotSendable: "NOT_SENDABLE",
  InvalidWebhookUrl: "INVALID_WEBHOOK_URL",
  ShareInternalRefused: "SHARE_INTERNAL_REFUSED",
  ReportNotForParty: "REPORT_NOT_FOR_PARTY",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error that knows its HTTP status and stable code; the one error handler turns it into `{ error: { code, message } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      /** For 429 and 503: when to try again, sent as Retry-After. */ retryAfterSeconds?: number;
    },
  ) {
    super(message, options);
    this.name = "AppError";
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  readonly retryAfterSeconds: number | undefined;
}
