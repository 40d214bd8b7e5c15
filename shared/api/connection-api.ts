/** Where a board's connection stands. */
export const CONNECTION_STATUSES = ["connecting", "syncing", "ready", "error"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** What GET/POST /api/boards/:boardId/connection answer: never the token, but whether the service can still open it. */
export interface ConnectionView {
  boardId: string;
  /** The member who connected the board. */
  memberId: string;
  status: ConnectionStatus;
  tokenReadable: boolean;
  webhookId: string | null;
  connectedAt: string;
  updatedAt: string;
  lastError: string | null;
  sync: { backfillComplete: boolean; actionsFetched: number; lastSyncedAt: string | null };
}
