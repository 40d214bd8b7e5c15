import type { SimAction } from "./sim-model";

/** Inserts keeping ascending id order; appending is the common case (history is mostly written in date order). */
function insertSorted(list: SimAction[], action: SimAction): void {
  if (list.length === 0 || list[list.length - 1]!.id < action.id) {
    list.push(action);
    return;
  }
  list.splice(lowerBound(list, action.id), 0, action);
}

/** Index of the first action whose id is >= `id`. */
export function lowerBound(list: readonly SimAction[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first action whose id is > `id`. */
export function upperBound(list: readonly SimAction[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cardIdOf(action: SimAction): string | undefined {
  const card = action.data.card as { id?: unknown } | undefined;
  return typeof card?.id === "string" ? card.id : undefined;
}

/** Every action ever recorded, indexed by id, by board and by card, each index in ascending id (= date) order. */
export class ActionLog {
  private readonly byId = new Map<string, SimAction>();
  private readonly byBoard = new Map<string, SimAction[]>();
  private readonly byCard = new Map<string, SimAction[]>();

  add(action: SimAction): void {
    this.byId.set(action.id, action);
    if (action.idBoard) insertSorted(this.listFor(this.byBoard, action.idBoard), action);
    const cardId = cardIdOf(action);
    if (cardId) insertSorted(this.listFor(this.byCard, cardId), action);
  }

  get(id: string): SimAction | undefined {
    return this.byId.get(id);
  }

  forBoard(idBoard: string): readonly SimAction[] {
    return this.byBoard.get(idBoard) ?? [];
  }

  forCard(idCard: string): readonly SimAction[] {
    return this.byCard.get(idCard) ?? [];
  }

  private listFor(index: Map<string, SimAction[]>, key: string): SimAction[] {
    let list = index.get(key);
    if (!list) {
      list = [];
      index.set(key, list);
    }
    return list;
  }
}
