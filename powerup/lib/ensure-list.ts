import { listNamed } from "../../shared/board-template";
import { trelloWrite, type TrelloWriteFailure } from "./trello-write";

export type EnsureListResult = { ok: true; list: { id: string; name: string }; created: boolean } | TrelloWriteFailure;

/**
 * The board's open list with this name, made at the right end of the board (as "Set up this board" makes the
 * template's lists) when the board lacks it, with the member's REST token. Loop's own cards (sprints, reports) go in
 * their own list this way, never among stakeholders or work. `lists` gets the new list, so a second call reuses it.
 */
export async function ensureList(
  t: Trello.PowerUp.IFrame,
  boardId: string,
  lists: { id: string; name: string }[],
  name: string,
): Promise<EnsureListResult> {
  const found = listNamed(lists, name);
  if (found) return { ok: true, list: found, created: false };
  const made = await trelloWrite(t, `create the list "${name}"`, "lists", { name, idBoard: boardId, pos: "bottom" });
  if (!made.ok) return made;
  const list = { id: String(made.body.id), name };
  lists.push(list);
  return { ok: true, list, created: true };
}
