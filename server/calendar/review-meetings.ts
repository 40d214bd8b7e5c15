import { DateTime } from "luxon";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import { boardLoopData } from "../loop/board-loop-data";
import type { Store } from "../store/create-store";
import type { ReviewEvent } from "../store/review-calendar-store";

/**
 * When a sprint review meets: on the sprint's last day, 15:00 to 16:00 in the board's zone. The sprint plan carries
 * dates only; a fixed afternoon slot on the last day is what a two-week cadence usually books, and the PM can move
 * the event in their own calendar.
 */
export const REVIEW_HOUR = 15;
export const REVIEW_MINUTES = 60;

export interface ReviewMeeting extends ReviewEvent {
  /** The board's zone, the event's TZID. */
  timezone: string;
  sprintNumber: number;
  goal?: string;
}

/** The board's zone (its setting, else UTC). */
export function boardZone(store: Store, boardId: string): string {
  return store.boardSettings.get(boardId)?.timezone ?? "UTC";
}

/**
 * Every sprint review of a board as a meeting, published as of now: a sprint whose dates or number changed since its
 * review was last published comes back with the next SEQUENCE, so calendars update the event rather than add one.
 */
export function reviewMeetings(store: Store, boardId: string, now: Date): ReviewMeeting[] {
  const timezone = boardZone(store, boardId);
  const boardName = store.boards.get(boardId)?.fields.name ?? "the project";
  const meetings: ReviewMeeting[] = [];
  for (const [cardId, record] of boardLoopData(store, boardId).cards) {
    const read = readLoopRecord("sprint", record.sprint);
    if (read.status !== "ok") continue;
    const sprint = read.value;
    const start = DateTime.fromISO(sprint.end, { zone: timezone }).set({ hour: REVIEW_HOUR, minute: 0 });
    const published = store.reviewCalendar.publish(
      {
        boardId,
        sprintCardId: cardId,
        startsAt: start.toUTC().toISO()!,
        endsAt: start.plus({ minutes: REVIEW_MINUTES }).toUTC().toISO()!,
        summary: `Sprint ${sprint.number} review: ${boardName}`,
      },
      now.toISOString(),
    );
    meetings.push({
      ...published,
      timezone,
      sprintNumber: sprint.number,
      ...(sprint.goal ? { goal: sprint.goal } : {}),
    });
  }
  return meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
