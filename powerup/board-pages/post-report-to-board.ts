import { createCard } from "../lib/create-card";
import { loopConfig } from "../lib/loop-config";

/** The card the reports are posted on. */
export const REPORTS_CARD_NAME = "Reports";

/** Trello refuses comments longer than this. */
const COMMENT_LIMIT = 16_384;

export type PostReportResult = { ok: true; cardId: string; created: boolean } | { ok: false; message: string };

const CONNECT_FIRST = "Connect the board first (Stakeholder Loop → Authorize), then post the report.";

/** The Markdown as one comment: cut at a line when too long for Trello, saying where the whole report is. */
function commentText(markdown: string): string {
  if (markdown.length <= COMMENT_LIMIT) return markdown;
  const note = "\n\n… (cut to fit a Trello comment: the full report is in Stakeholder Loop → Monthly report)";
  const room = markdown.slice(0, COMMENT_LIMIT - note.length);
  return `${room.slice(0, Math.max(room.lastIndexOf("\n"), 0) || room.length)}${note}`;
}

/**
 * Posts a report's Markdown as a comment on the board's "Reports" card (created in the first list when missing),
 * with the member's REST token: comments, like cards, are made through Trello's REST API, never pluginData.
 */
export async function postReportToBoard(
  t: Trello.PowerUp.IFrame,
  board: { cards: { id: string; name: string }[]; lists: { id: string }[] },
  markdown: string,
): Promise<PostReportResult> {
  const api = t.getRestApi();
  const appKey = api.appKey ?? loopConfig().appKey;
  if (!(await api.isAuthorized())) return { ok: false, message: CONNECT_FIRST };
  const token = await api.getToken();
  if (!token || !appKey) return { ok: false, message: CONNECT_FIRST };

  let cardId = board.cards.find((card) => card.name.trim() === REPORTS_CARD_NAME)?.id;
  const created = !cardId;
  if (!cardId) {
    const firstList = board.lists[0];
    if (!firstList) return { ok: false, message: "The board has no list to put a Reports card in: add a list first." };
    const card = await createCard(t, firstList.id, REPORTS_CARD_NAME);
    if (!card.ok) return card;
    cardId = card.id;
  }
  const query = new URLSearchParams({ key: appKey, token });
  try {
    // The text goes in the body: a long report would overflow a URL.
    const response = await fetch(`${loopConfig().trelloApiBase}/1/cards/${cardId}/actions/comments?${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: commentText(markdown) }),
    });
    if (!response.ok) return { ok: false, message: `Trello did not add the comment (it answered ${response.status}).` };
    return { ok: true, cardId, created };
  } catch (err) {
    return { ok: false, message: `Trello could not be reached to post the report: ${err instanceof Error ? err.message : String(err)}` };
  }
}
