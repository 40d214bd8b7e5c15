import type { TrelloAction } from "./trello-action-schema";

/** The list an action says its card is in afterwards (with the name the action carried), if it says. */
export function cardListOf(action: TrelloAction): { id: string; name: string | null } | undefined {
  const { data } = action;
  if (!data.card) return undefined;
  if (data.listAfter) return { id: data.listAfter.id, name: data.listAfter.name ?? null };
  const id = data.card.idList ?? data.list?.id;
  if (!id) return undefined;
  return { id, name: data.list?.id === id ? (data.list.name ?? null) : null };
}
