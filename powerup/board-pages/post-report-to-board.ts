import { REPORTS_LIST_NAME } from "../../shared/is-non-work-list-name";
import { ensureList } from "../lib/ensure-list";
import { trelloWrite, type TrelloWriteFailure } from "../lib/trello-write";

/** The card in the Reports list that collects the reports as comments. */
export const REPORTS_CARD_NAME = "Reports";

/** Trello refuses comments longer than this. */
const COMMENT_LIMIT = 16_384;

export type PostReportResult =
  { ok: true; cardId: string; listId: string; created: { list: boolean; card: boolean } } | TrelloWriteFailure;

export interface PostTarget {
  board: { id: string };
  cards: { id: string; name: string; idList: string }[];
  lists: { id: string; name: string }[];
}

/** The Markdown as one comment: cut at a line when too long for Trello, saying where the whole report is. */
function commentText(markdown: string): string {
  if (markdown.length <= COMMENT_LIMIT) return markdown;
  const note = "\n\n… (cut to fit a Trello comment: the full report is in Stakeholder Loop → Monthly report)";
  const room = markdown.slice(0, COMMENT_LIMIT - note.length);
  return `${room.slice(0, Math.max(room.lastIndexOf("\n"), 0) || room.length)}${note}`;
}

const isNamed = (name: string, wanted: string) => name.trim().toLowerCase() === wanted.toLowerCase();

/**
 * Posts a report's Markdown as a comment on the "Reports" card of the board's "Reports" list, making the list (at
 * the right end of the board) and the card when missing: reports never land among stakeholders or work. The
 * member's own REST token is used: comments, like cards, are made over Trello's REST API, never pluginData.
 * `target` is updated with what was created, so a second post reuses it.
 */
export async function postReportToBoard(
  t: Trello.PowerUp.IFrame,
  target: PostTarget,
  markdown: string,
): Promise<PostReportResult> {
  const ensured = await ensureList(t, target.board.id, target.lists, REPORTS_LIST_NAME);
  if (!ensured.ok) return ensured;
  const { list, created: listCreated } = ensured;
  let card = target.cards.find(
    (candidate) => candidate.idList === list.id && isNamed(candidate.name, REPORTS_CARD_NAME),
  );
  const cardCreated = !card;
  if (!card) {
    const made = await trelloWrite(t, `create the card "${REPORTS_CARD_NAME}"`, "cards", {
      idList: list.id,
      name: REPORTS_CARD_NAME,
      pos: "top",
    });
    if (!made.ok) return made;
    card = { id: String(made.body.id), name: REPORTS_CARD_NAME, idList: list.id };
    target.cards.push(card);
  }
  // The text goes in the body: a long report would overflow a URL.
  const comment = await trelloWrite(
    t,
    "add the report as a comment",
    `cards/${card.id}/actions/comments`,
    {},
    { text: commentText(markdown) },
  );
  if (!comment.ok) return comment;
  return { ok: true, cardId: card.id, listId: list.id, created: { list: listCreated, card: cardCreated } };
}
