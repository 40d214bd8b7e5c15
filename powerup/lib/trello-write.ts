import { loopConfig } from "./loop-config";
import { forgetMemberToken, memberToken } from "./member-token";

/** A REST write that needs the member's own authorization failed for want of it: the page offers "Authorize". */
export const NOT_AUTHORIZED = "NOT_AUTHORIZED";

export type TrelloWriteFailure = { ok: false; code?: typeof NOT_AUTHORIZED; message: string };
export type TrelloWriteResult = { ok: true; body: Record<string, unknown> } | TrelloWriteFailure;

export const AUTHORIZE_FIRST: TrelloWriteFailure = {
  ok: false,
  code: NOT_AUTHORIZED,
  message: "Changing the board from here needs your own Trello authorization (once per member).",
};

/**
 * POSTs to Trello's REST API with the member's own token (cards, lists, labels and comments are made over REST,
 * never pluginData). `what` names the thing in error messages. Without the member's authorization, or with a
 * token Trello no longer accepts, it answers NOT_AUTHORIZED so the page can offer "Authorize" in place.
 */
export async function trelloWrite(
  t: Trello.PowerUp.IFrame,
  what: string,
  path: string,
  params: Record<string, string>,
  body?: Record<string, unknown>,
  method: "POST" | "PUT" = "POST",
): Promise<TrelloWriteResult> {
  const credentials = await memberToken(t);
  if (!credentials) return AUTHORIZE_FIRST;
  const query = new URLSearchParams({ ...params, key: credentials.appKey, token: credentials.token });
  try {
    const response = await fetch(`${loopConfig().trelloApiBase}/1/${path}?${query}`, {
      method,
      ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });
    // "invalid token" / "expired token": Trello no longer accepts it. Other 401s (an observer) are not fixed by asking again.
    if (response.status === 401 && /token/i.test(await response.clone().text())) {
      await forgetMemberToken(t);
      return AUTHORIZE_FIRST;
    }
    if (!response.ok) return { ok: false, message: `Trello did not ${what} (it answered ${response.status}).` };
    const json = (await response.json()) as unknown;
    if (typeof json !== "object" || json === null || typeof (json as { id?: unknown }).id !== "string") {
      return { ok: false, message: `Trello did not ${what}: its answer had no id.` };
    }
    return { ok: true, body: json as Record<string, unknown> };
  } catch (err) {
    return {
      ok: false,
      message: `Trello could not be reached to ${what}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
