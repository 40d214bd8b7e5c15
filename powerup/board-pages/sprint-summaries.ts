import type { Sprint } from "../../shared/loop/sprint";
import type { SprintReview } from "../../shared/loop/sprint-review";
import type { BoardRecords } from "../lib/board-records";
import { doneListIds } from "../lib/done-lists";

export interface SprintSummary {
  cardId: string;
  cardName: string;
  sprint: Sprint;
  review?: SprintReview;
  /** Set when a review is stored but cannot be read. */
  reviewError?: string;
  committed: number;
  /** Committed cards now in a done list. */
  completed: number;
}

export interface UnreadableSprint {
  cardId: string;
  cardName: string;
  message: string;
}

/** The board's sprints, newest first, with how many committed cards are done; unreadable plans listed apart. */
export function sprintSummaries(board: BoardRecords): { sprints: SprintSummary[]; unreadable: UnreadableSprint[] } {
  const done = doneListIds(board.settings, board.lists);
  const listOf = new Map(board.cards.map((card) => [card.id, card.idList]));
  const sprints: SprintSummary[] = [];
  const unreadable: UnreadableSprint[] = [];
  for (const card of board.cards) {
    const records = board.records.get(card.id);
    const read = records?.sprint;
    if (!read) continue;
    if (read.status === "invalid") {
      unreadable.push({ cardId: card.id, cardName: card.name, message: read.message });
      continue;
    }
    if (read.status !== "ok") continue;
    const review = records.review;
    sprints.push({
      cardId: card.id,
      cardName: card.name,
      sprint: read.value,
      review: review?.status === "ok" ? review.value : undefined,
      reviewError: review?.status === "invalid" ? review.message : undefined,
      committed: read.value.committed.length,
      completed: read.value.committed.filter((id) => done.has(listOf.get(id) ?? "")).length,
    });
  }
  sprints.sort((a, b) => b.sprint.start.localeCompare(a.sprint.start) || b.sprint.number - a.sprint.number);
  return { sprints, unreadable };
}
