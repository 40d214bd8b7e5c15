import { randomUUID } from "node:crypto";
import { hashShareToken, newShareToken } from "../share/share-token";
import type { Store } from "../store/create-store";

export const CALENDAR_PATH = "/calendar";

/**
 * Makes a board's subscribable calendar URL: a secret token (the same kind as share links, stored hashed) that any
 * calendar app can poll without an account. Shown once; revoking the board's feeds stops every URL given out.
 */
export function createCalendarFeed(
  store: Store,
  publicUrl: string,
  input: { boardId: string; createdBy: string; now: Date },
) {
  const token = newShareToken();
  const feed = {
    id: randomUUID(),
    boardId: input.boardId,
    createdBy: input.createdBy,
    createdAt: input.now.toISOString(),
  };
  store.reviewCalendar.insertFeed({ ...feed, tokenHash: hashShareToken(token) });
  return { ...feed, url: `${publicUrl.replace(/\/$/, "")}${CALENDAR_PATH}/${token}.ics` };
}
