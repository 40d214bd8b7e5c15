import { loopConfig } from "./loop-config";

/** The member's own REST credentials: what the page needs to make cards and comments in their name. */
export interface MemberToken {
  appKey: string;
  token: string;
}

/**
 * This member's REST token, or null when they have not authorized the Power-Up yet. Connecting the board (the
 * service's token, its webhook) is a different thing: every member of a connected board authorizes for themselves.
 */
export async function memberToken(t: Trello.PowerUp.IFrame): Promise<MemberToken | null> {
  const api = t.getRestApi();
  // The client knows the key it was initialised with; the page's configuration is the fallback.
  const appKey = api.appKey ?? loopConfig().appKey;
  if (!appKey || !(await api.isAuthorized())) return null;
  const token = await api.getToken();
  return token ? { appKey, token } : null;
}

/**
 * Asks Trello for this member's token (Trello's consent popup) and resolves with it, or null when the member
 * declined. A member token expires after Trello's default 30 days: the pages ask again when Trello refuses it.
 */
export async function authorizeMember(t: Trello.PowerUp.IFrame): Promise<MemberToken | null> {
  try {
    await t.getRestApi().authorize({ scope: "read,write" });
  } catch {
    return null;
  }
  return memberToken(t);
}

/** Forgets a token Trello no longer accepts (expired or revoked), so the page offers "Authorize" again. */
export async function forgetMemberToken(t: Trello.PowerUp.IFrame): Promise<void> {
  await t.getRestApi().clearToken();
}
