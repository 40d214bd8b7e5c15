import { AppError, ErrorCode } from "../../http/app-error";
import type { Store } from "../../store/create-store";

const DAY_MS = 86_400_000;

/** Snapshots members of one board may store in any 24 hours: each holds a whole report, kept forever. */
export const SNAPSHOTS_PER_BOARD_PER_DAY = 100;

/** Refuses a member's new snapshot once the board has stored its day's share (429, with when one frees up). */
export function assertSnapshotQuota(
  store: Store,
  boardId: string,
  now = Date.now(),
  perDay = SNAPSHOTS_PER_BOARD_PER_DAY,
): void {
  const { count, oldest } = store.reportSnapshots.memberCreatedSince(boardId, new Date(now - DAY_MS).toISOString());
  if (count < perDay) return;
  const freesAt = Date.parse(oldest!) + DAY_MS;
  throw new AppError(
    429,
    ErrorCode.SnapshotLimit,
    `This board has stored ${count} report snapshots in the last 24 hours, the most allowed: older versions stay readable; a new one can be made after ${new Date(freesAt).toISOString()}`,
    { retryAfterSeconds: (freesAt - now) / 1000 },
  );
}
