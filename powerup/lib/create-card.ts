import { trelloWrite, type TrelloWriteFailure } from "./trello-write";

export { NOT_AUTHORIZED } from "./trello-write";

export type CreateCardResult = { ok: true; id: string; name: string } | TrelloWriteFailure;

/**
 * Creates a card in a list with the member's REST token: pluginData can be written from the iframe, but only
 * Trello's REST API makes cards. `pos` is Trello's "top" or "bottom" (bottom when left out, as in Trello).
 */
export async function createCard(
  t: Trello.PowerUp.IFrame,
  idList: string,
  name: string,
  pos?: "top" | "bottom",
): Promise<CreateCardResult> {
  const written = await trelloWrite(t, `create the card "${name}"`, "cards", { idList, name, ...(pos ? { pos } : {}) });
  if (!written.ok) return written;
  return {
    ok: true,
    id: String(written.body.id),
    name: typeof written.body.name === "string" ? written.body.name : name,
  };
}
