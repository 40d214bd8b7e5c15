import type { ActionRow, ActionSource } from "../store/actions-store";
import { isCardCreationType } from "../trello/action-types";
import type { TrelloAction } from "../trello/trello-action-schema";

/** The list an action put its card into, if it did: created into a list, or moved between lists. */
function listEntered(action: TrelloAction): { id: string; name: string | null } | undefined {
  const { data } = action;
  if (!data.card) return undefined;
  if (isCardCreationType(action.type)) {
    const id = data.list?.id ?? data.card.idList;
    return id ? { id, name: data.list?.name ?? null } : undefined;
  }
  if (action.type === "updateCard" && data.old && "idList" in data.old) {
    const id = data.listAfter?.id ?? data.card.idList;
    return id ? { id, name: data.listAfter?.name ?? null } : undefined;
  }
  return undefined;
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
