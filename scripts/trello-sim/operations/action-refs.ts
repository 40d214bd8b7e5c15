import type { SimBoard, SimCard, SimList } from "../model/sim-model";

/** `data.board` as Trello writes it in actions: a snapshot of the name at the time of the action. */
export function boardRef(board: SimBoard): Record<string, unknown> {
  return { id: board.id, name: board.name, shortLink: board.shortLink };
}

/** `data.list`, `data.listBefore`, `data.listAfter`. */
export function listRef(list: SimList): Record<string, unknown> {
  return { id: list.id, name: list.name };
}

/** `data.card`, with the changed fields first as in Trello's updateCard actions (`{idList, id, name, …}`). */
export function cardRef(card: SimCard, changed: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...changed, id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink };
}
