import { planBoardTemplate, TEMPLATE_DONE_LISTS, templateList, type TemplateBoard } from "../../shared/board-template";
import type { Store } from "../../server/store/create-store";
import type { TrelloClient } from "../../server/trello/create-trello-client";

export interface AppliedTemplate {
  board: string;
  created: { lists: string[]; labels: string[] };
  /** The settings the service's reports read for the board. */
  settings: { timezone: string | null; doneListIds: string[] };
}

/**
 * Gives a board the workflow's lists and labels it lacks (over REST, with a member's token), then saves the done
 * lists and time zone the service's reports read. Idempotent: a board set up already gets nothing new.
 */
export async function applyBoardTemplate(
  client: TrelloClient,
  token: string,
  store: Store,
  boardId: string,
  timezone?: string,
): Promise<AppliedTemplate> {
  const [lists, labels] = await Promise.all([client.getLists(token, boardId), client.getLabels(token, boardId)]);
  const board: TemplateBoard = {
    lists: lists.map((list) => ({ id: list.id, name: list.name ?? "", closed: list.closed ?? false })),
    labels: labels.map((label) => ({ name: label.name ?? "", color: label.color ?? null })),
  };
  const plan = planBoardTemplate(board);
  for (const name of plan.lists) {
    const list = await client.createList(token, { idBoard: boardId, name, pos: "bottom" });
    board.lists.push({ id: list.id, name });
  }
  for (const label of plan.labels) await client.createLabel(token, { idBoard: boardId, ...label });
  const doneListIds = TEMPLATE_DONE_LISTS.map((name) => templateList(board, name)!.id);
  const settings = { boardId, timezone: timezone ?? store.boardSettings.get(boardId)?.timezone ?? null, doneListIds };
  store.boardSettings.save(settings);
  return {
    board: boardId,
    created: { lists: plan.lists, labels: plan.labels.map((label) => label.name) },
    settings: { timezone: settings.timezone, doneListIds },
  };
}
