import type { Db } from "./open-database";

/** A sprint review as last published to calendars. */
export interface ReviewEvent {
  boardId: string;
  sprintCardId: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  sequence: number;
}

export interface CalendarFeed {
  id: string;
  boardId: string;
  createdBy: string;
  createdAt: string;
  revokedAt?: string;
}

export interface ReviewCalendarStore {
  /**
   * Records a review's time and title as published now and returns it with its SEQUENCE: 0 the first time, one more
   * each time its time or title differs from what was published before, unchanged otherwise.
   */
  publish(event: Omit<ReviewEvent, "sequence">, now: string): ReviewEvent;
  insertFeed(feed: CalendarFeed & { tokenHash: string }): void;
  /** The live (not revoked) feed whose token hashes to this. */
  liveFeedByTokenHash(tokenHash: string): CalendarFeed | undefined;
  /** The board's feeds, newest first. */
  listFeeds(boardId: string): CalendarFeed[];
  /** Revokes every live feed of the board; returns how many. */
  revokeFeeds(boardId: string, at: string): number;
}

interface EventRow {
  starts_at: string;
  ends_at: string;
  summary: string;
  sequence: number;
}

interface FeedRow {
  id: string;
  board_id: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

const feedOf = (row: FeedRow): CalendarFeed => ({
  id: row.id,
  boardId: row.board_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
  ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
});

/** SQL for review_events and calendar_feeds. */
export function createReviewCalendarStore(db: Db): ReviewCalendarStore {
  const selectEvent = db.prepare(
    "SELECT starts_at, ends_at, summary, sequence FROM review_events WHERE board_id = ? AND sprint_card_id = ?",
  );
  const upsertEvent = db.prepare(
    `INSERT INTO review_events (board_id, sprint_card_id, starts_at, ends_at, summary, sequence, updated_at)
     VALUES (@boardId, @sprintCardId, @startsAt, @endsAt, @summary, @sequence, @now)
     ON CONFLICT (board_id, sprint_card_id) DO UPDATE SET starts_at = @startsAt, ends_at = @endsAt, summary = @summary, sequence = @sequence, updated_at = @now`,
  );
  const insertFeedRow = db.prepare(
    "INSERT INTO calendar_feeds (id, board_id, token_hash, created_by, created_at) VALUES (@id, @boardId, @tokenHash, @createdBy, @createdAt)",
  );
  const liveByHash = db.prepare(
    "SELECT id, board_id, created_by, created_at, revoked_at FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL",
  );
  const feedsOf = db.prepare(
    "SELECT id, board_id, created_by, created_at, revoked_at FROM calendar_feeds WHERE board_id = ? ORDER BY created_at DESC, id",
  );
  const revoke = db.prepare("UPDATE calendar_feeds SET revoked_at = ? WHERE board_id = ? AND revoked_at IS NULL");

  // Read and written under one write lock: two publications of one moved sprint never take the same SEQUENCE.
  const publish = db.transaction((event: Omit<ReviewEvent, "sequence">, now: string): ReviewEvent => {
    const before = selectEvent.get(event.boardId, event.sprintCardId) as EventRow | undefined;
    const same =
      before &&
      before.starts_at === event.startsAt &&
      before.ends_at === event.endsAt &&
      before.summary === event.summary;
    const sequence = !before ? 0 : same ? before.sequence : before.sequence + 1;
    if (!same) upsertEvent.run({ ...event, sequence, now });
    return { ...event, sequence };
  });

  return {
    publish: (event, now) => publish.immediate(event, now),
    insertFeed: (feed) => void insertFeedRow.run(feed),
    liveFeedByTokenHash(tokenHash) {
      const row = liveByHash.get(tokenHash) as FeedRow | undefined;
      return row && feedOf(row);
    },
    listFeeds: (boardId) => (feedsOf.all(boardId) as FeedRow[]).map(feedOf),
    revokeFeeds: (boardId, at) => revoke.run(at, boardId).changes,
  };
}
