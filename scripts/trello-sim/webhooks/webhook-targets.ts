import type { SimAction } from "../model/sim-model";

function idOf(ref: unknown): string | undefined {
  const id = (ref as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

/**
 * The models an action concerns, i.e. the idModels whose webhooks receive it: its board, card and lists, and
 * the members who did it or whom it is about. The other board of a move is not one of them: that board gets
 * its own action (moveCardFromBoard / moveCardToBoard).
 */
export function modelsConcerned(action: SimAction): Set<string> {
  const data = action.data;
  const ids = [
    action.idBoard ?? undefined,
    idOf(data.card),
    idOf(data.list),
    idOf(data.listBefore),
    idOf(data.listAfter),
    action.idMemberCreator,
    action.idMember,
  ];
  return new Set(ids.filter((id): id is string => id !== undefined));
}
