import type { Store } from "../store/create-store";
import type { ReportSnapshot } from "../store/report-snapshots-store";
import { hashShareToken, SHARE_TOKEN_PATTERN } from "./share-token";

/** What opening a token gives: the snapshot, or why not ("gone" alike for revoked and expired: the holder learns no more). */
export type ShareOpening = { ok: true; snapshot: ReportSnapshot } | { ok: false; reason: "unknown" | "gone" };

/** Resolves a share token at `now` and, when it works, records the opening. */
export function openShareLink(store: Store, token: string, now: Date): ShareOpening {
  if (!SHARE_TOKEN_PATTERN.test(token)) return { ok: false, reason: "unknown" };
  const link = store.shareLinks.byTokenHash(hashShareToken(token));
  if (!link) return { ok: false, reason: "unknown" };
  if (link.revokedAt || Date.parse(link.expiresAt) <= now.getTime()) return { ok: false, reason: "gone" };
  const snapshot = store.reportSnapshots.get(link.boardId, link.snapshotId);
  // The board's data was deleted (disconnect and delete) after the link was made: it is gone too.
  if (!snapshot) return { ok: false, reason: "gone" };
  store.shareLinks.recordOpened(link.id, now.toISOString());
  return { ok: true, snapshot };
}
