import type { TrelloCard, TrelloList } from "../trello/trello-rest-schemas";
import type { ActionObservations } from "./observe-action";

/**
 * What a REST read of a board's lists and cards says, as observations as of `asOf`. The "~" sorts after
 * every action id, so actions up to that millisecond lose to the read and any later action wins over it.
 */
export function observeSnapshot(
  boardId: string,
  asOf: Date,
  lists: TrelloList[],
  cards: TrelloCard[],
): ActionObservations {
  const version = `${asOf.toISOString()}|~snapshot`;
  return {
    boards: [],
    lists: lists.map((list) => ({
      id: list.id,
      version,
      fields: {
        boardId: list.idBoard ?? boardId,
        name: list.name ?? null,
        closed: list.closed ?? false,
        pos: list.pos ?? null,
      },
    })),
    cards: cards.map((card) => ({
      id: card.id,
      version,
      fields: {
        boardId: card.idBoard ?? boardId,
        listId: card.idList ?? null,
        name: card.name ?? null,
        closed: card.closed ?? false,
        deleted: false,
        due: card.due ?? null,
        pos: card.pos ?? null,
        idShort: card.idShort ?? null,
        shortLink: card.shortLink ?? null,
      },
    })),
    members: [],
    cardMembers: [],
  };
}
