import { loopConfig } from "./loop-config";

export type CreateCardResult = { ok: true; id: string; name: string } | { ok: false; message: string };

const CONNECT_FIRST = "Connect the board first (Stakeholder Loop → Authorize)";

/**
 * Creates a card in a list with the member's REST token: pluginData can be written from the iframe, but only
 * Trello's REST API makes cards. Refuses with a message the PM can act on when the board is not connected.
 */
export async function createCard(t: Trello.PowerUp.IFrame, idList: string, name: string): Promise<CreateCardResult> {
  const api = t.getRestApi();
  // The client knows the key it was initialised with; the page's configuration is the fallback.
  const appKey = api.appKey ?? loopConfig().appKey;
  if (!(await api.isAuthorized())) return { ok: false, message: CONNECT_FIRST };
  const token = await api.getToken();
  if (!token || !appKey) return { ok: false, message: CONNECT_FIRST };
  const query = new URLSearchParams({ idList, name, key: appKey, token });
  try {
    const response = await fetch(`${loopConfig().trelloApiBase}/1/cards?${query}`, { method: "POST" });
    if (!response.ok) return { ok: false, message: `Trello did not create the card "${name}" (it answered ${response.status}).` };
    const card = (await response.json()) as { id?: unknown; name?: unknown };
    if (typeof card.id !== "string") return { ok: false, message: "Trello did not return the new card." };
    return { ok: true, id: card.id, name: typeof card.name === "string" ? card.name : name };
  } catch (err) {
    return { ok: false, message: `Trello could not be reached to create the card "${name}": ${err instanceof Error ? err.message : String(err)}` };
  }
}
