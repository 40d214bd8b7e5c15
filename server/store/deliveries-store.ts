import type { Audience } from "../../shared/loop/audience";
import type { DeliveryStatus } from "../delivery/delivery-status";
import type { DeliveryChannel, MessageKind } from "../delivery/outgoing-message";
import type { Db } from "./open-database";

/** A delivery as the service records it: what, to whom, and how sending went. */
export interface Delivery {
  id: number;
  idempotencyKey: string;
  boardId: string;
  stakeholderCardId: string | null;
  kind: MessageKind;
  audience: Audience;
  channel: DeliveryChannel;
  recipient: string;
  subject: string;
  /** The message body as stored (text, html, link, attachments in base64): see delivery/stored-message. */
  messageJson: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the worker may try next (epoch ms). */
  nextAttemptAt: number;
  /** The last attempt's failure as the server said it (SMTP reply, HTTP status, timeout). */
  lastError: string | null;
  /** A Trello member id, or a schedule's name. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  trelloCommentAt: string | null;
}

export type NewDelivery = Pick<
  Delivery,
  | "idempotencyKey"
  | "boardId"
  | "stakeholderCardId"
  | "kind"
  | "audience"
  | "channel"
  | "recipient"
  | "subject"
  | "messageJson"
  | "createdBy"
>;

export interface DeliveriesStore {
  /** Stores a queued delivery unless its key is known; returns the row under that key and whether it is new. */
  insert(delivery: NewDelivery, now: Date): { delivery: Delivery; created: boolean };
  get(id: number): Delivery | undefined;
  getByKey(idempotencyKey: string): Delivery | undefined;
  /** Moves up to `limit` due queued deliveries to sending (one more attempt each) and returns them. */
  claimDue(nowMs: number, limit: number): Delivery[];
  markSent(id: number, now: Date): void;
  /** Back to queued for another attempt at `nextAttemptAt`. */
  markRetry(id: number, nextAttemptAt: number, error: string, now: Date): void;
  markFailed(id: number, error: string, now: Date): void;
  markTrelloComment(id: number, now: Date): void;
  /** Deliveries left in sending by a process that stopped mid-attempt. */
  listSending(): Delivery[];
  /** A stakeholder's deliveries, newest first. */
  listStakeholder(boardId: string, cardId: string, limit: number): Delivery[];
  /** A board's deliveries, newest first. */
  listBoard(boardId: string, limit: number): Delivery[];
  /** When each of a board's stakeholders was last sent something (card id -> ISO instant). */
  lastSentByStakeholder(boardId: string): Map<string, string>;
}

interface Row {
  id: number;
  idempotency_key: string;
  board_id: string;
  stakeholder_card_id: string | null;
  kind: MessageKind;
  audience: Audience;
  channel: DeliveryChannel;
  recipient: string;
  subject: string;
  message_json: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  trello_comment_at: string | null;
}

const fromRow = (row: Row): Delivery => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  boardId: row.board_id,
  stakeholderCardId: row.stakeholder_card_id,
  kind: row.kind,
  audience: row.audience,
  channel: row.channel,
  recipient: row.recipient,
  subject: row.subject,
  messageJson: row.message_json,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  sentAt: row.sent_at,
  trelloCommentAt: row.trello_comment_at,
});

/** SQL for the deliveries table. */
export function createDeliveriesStore(db: Db): DeliveriesStore {
  const insert = db.prepare(
    `INSERT INTO deliveries (idempotency_key, board_id, stakeholder_card_id, kind, audience, channel, recipient, subject,
       message_json, status, attempts, next_attempt_at, created_by, created_at, updated_at)
     VALUES (@idempotencyKey, @boardId, @stakeholderCardId, @kind, @audience, @channel, @recipient, @subject,
       @messageJson, 'queued', 0, @nextAttemptAt, @createdBy, @at, @at)
     ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const byId = db.prepare("SELECT * FROM deliveries WHERE id = ?");
  const byKey = db.prepare("SELECT * FROM deliveries WHERE idempotency_key = ?");
  const due = db.prepare(
    "SELECT * FROM deliveries WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
  );
  const claim = db.prepare(
    "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'queued'",
  );
  const sent = db.prepare(
    "UPDATE deliveries SET status = 'sent', sent_at = @at, last_error = NULL, updated_at = @at WHERE id = @id",
  );
  const retry = db.prepare(
    "UPDATE deliveries SET status = 'queued', next_attempt_at = @nextAttemptAt, last_error = @error, updated_at = @at WHERE id = @id",
  );
  const failed = db.prepare(
    "UPDATE deliveries SET status = 'failed', last_error = @error, updated_at = @at WHERE id = @id",
  );
  const commented = db.prepare("UPDATE deliveries SET trello_comment_at = ? WHERE id = ?");
  const sending = db.prepare("SELECT * FROM deliveries WHERE status = 'sending' ORDER BY id");
  const ofStakeholder = db.prepare(
    "SELECT * FROM deliveries WHERE board_id = ? AND stakeholder_card_id = ? ORDER BY id DESC LIMIT ?",
  );
  const ofBoard = db.prepare("SELECT * FROM deliveries WHERE board_id = ? ORDER BY id DESC LIMIT ?");
  const lastSent = db.prepare(
    `SELECT stakeholder_card_id AS card, max(sent_at) AS at FROM deliveries
     WHERE board_id = ? AND status = 'sent' AND stakeholder_card_id IS NOT NULL GROUP BY stakeholder_card_id`,
  );
  const claimAll = db.transaction((nowMs: number, limit: number) => {
    const at = new Date(nowMs).toISOString();
    return (due.all(nowMs, limit) as Row[])
      .filter((row) => claim.run(at, row.id).changes === 1)
      .map((row) => fromRow({ ...row, status: "sending", attempts: row.attempts + 1, updated_at: at }));
  });
  const get = (statement: typeof byId, value: unknown) => {
    const row = statement.get(value) as Row | undefined;
    return row ? fromRow(row) : undefined;
  };
  return {
    insert(delivery, now) {
      const created = insert.run({ ...delivery, nextAttemptAt: now.getTime(), at: now.toISOString() }).changes === 1;
      return { delivery: get(byKey, delivery.idempotencyKey)!, created };
    },
    get: (id) => get(byId, id),
    getByKey: (key) => get(byKey, key),
    claimDue: (nowMs, limit) => claimAll.immediate(nowMs, limit),
    markSent(id, now) {
      sent.run({ id, at: now.toISOString() });
    },
    markRetry(id, nextAttemptAt, error, now) {
      retry.run({ id, nextAttemptAt, error, at: now.toISOString() });
    },
    markFailed(id, error, now) {
      failed.run({ id, error, at: now.toISOString() });
    },
    markTrelloComment(id, now) {
      commented.run(now.toISOString(), id);
    },
    listSending: () => (sending.all() as Row[]).map(fromRow),
    listStakeholder: (boardId, cardId, limit) => (ofStakeholder.all(boardId, cardId, limit) as Row[]).map(fromRow),
    listBoard: (boardId, limit) => (ofBoard.all(boardId, limit) as Row[]).map(fromRow),
    lastSentByStakeholder: (boardId) =>
      new Map((lastSent.all(boardId) as { card: string; at: string }[]).map((r) => [r.card, r.at])),
  };
}
