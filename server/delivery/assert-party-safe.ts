import { isPartyAudience } from "../../shared/loop/audience";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import { boardLoopData } from "../loop/board-loop-data";
import type { Store } from "../store/create-store";
import { DeliveryError } from "./delivery-error";
import type { OutgoingMessage } from "./outgoing-message";

/**
 * Words that only the team's view uses (its labels and assessment values): a client or partner message holding one
 * is showing our assessment of them. Everyday words a PM may write to a client ("interest", "released") are left out,
 * and so is a bare "overdue" (a party's own report lists its overdue invoices); the board's own free-text assessments
 * are checked word for word instead.
 */
export const INTERNAL_TERMS = [
  "buy-in",
  "buy_in",
  "escalat",
  "update overdue",
  "overdue_days",
  "owed an update",
  "pm note",
  "sceptic",
  "opponent",
] as const;

/** Free text shorter than this is too common to be told apart from ordinary prose. */
const MIN_VALUE_LENGTH = 8;

/** How many of the board's internal report snapshots are searched for PM notes. */
const PM_NOTES_CHECKED = 24;

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The board's internal free text: why stakeholders are difficult, escalated or released, and PM notes of reports. */
export function internalValuesOf(store: Store, boardId: string): string[] {
  const values: string[] = [];
  for (const record of boardLoopData(store, boardId).cards.values()) {
    const read = readLoopRecord("stakeholder", record.stakeholder);
    if (read.status !== "ok") continue;
    const s = read.value;
    values.push(s.difficultReason ?? "", s.escalation?.reason ?? "", s.release?.reason ?? "");
  }
  for (const meta of store.reportSnapshots
    .listBoard(boardId)
    .filter((m) => m.audience === "internal")
    .slice(0, PM_NOTES_CHECKED)) {
    const model = store.reportSnapshots.get(boardId, meta.id)?.modelJson;
    const note = model ? (JSON.parse(model) as { summary?: { pmNote?: unknown } }).summary?.pmNote : undefined;
    if (typeof note === "string") values.push(note);
  }
  return values.map(squash).filter((v) => v.length >= MIN_VALUE_LENGTH);
}

/** The first internal term or value a text shows, if any. */
export function internalContentIn(text: string, values: readonly string[]): string | undefined {
  const haystack = squash(text);
  return [...INTERNAL_TERMS, ...values].find((needle) => haystack.includes(needle));
}

/**
 * The one guard every client or partner message passes before it is stored: nothing internal (buy-in, status,
 * escalations, influence/interest, PM note, overdue counts) in its subject, text, HTML or attachment names.
 */
export function assertPartySafe(store: Store, message: OutgoingMessage): void {
  if (!isPartyAudience(message.audience)) return;
  const values = internalValuesOf(store, message.boardId);
  const parts = [
    message.subject,
    message.text,
    message.html ?? "",
    ...(message.attachments ?? []).map((a) => a.filename),
  ];
  for (const part of parts) {
    const found = internalContentIn(part, values);
    if (found) {
      throw new DeliveryError(
        "INTERNAL_CONTENT",
        `A ${message.audience} message may not show internal assessments; it contains "${found}"`,
      );
    }
  }
}
