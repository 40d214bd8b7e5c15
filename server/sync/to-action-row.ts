import type { ActionRow, ActionSource } from "../store/actions-store";
import { isCardCreationType } from "../trello/action-types";
import { cardListOf } from "../trello/card-list-of";
import type { TrelloAction } from "../trello/trello-action-schema";

/** The list an action put its card into, if it did: created into a list, or moved between lists. */
function listEntered(action: TrelloAction): { id: string; name: string | null } | undefined {
  const moved = action.type === "updateCard" && action.data.old != null && "idList" in action.data.old;
  return isCardCreationType(action.type) || moved ? cardListOf(action) : undefined;
}

/** Shapes a validated action (and the raw JSON it came as) into its row in the actions table. Pure. */
export function toActionRow(
  action: TrelloAction,
  rawJson: string,
  context: { fallbackBoardId: string; source: ActionSource; receivedAt: string },
): ActionRow {
  const entered = listEntered(action);
  const dateMs = Date.parse(action.date);
  return {
    id: action.id,
    boardId: action.data.board?.id ?? context.fallbackBoardId,
    type: action.type,
    date: new Date(dateMs).toISOString(),
    dateMs,
    cardId: action.data.card?.id ?? null,
    listAfterId: entered?.id ?? null,
    listAfterName: entered?.name ?? null,
    memberCreatorId: action.idMemberCreator ?? action.memberCreator?.id ?? null,
    source: context.source,
    receivedAt: context.receivedAt,
    raw: rawJson,
  };
}
