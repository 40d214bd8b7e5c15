import { loopConfig } from "../lib/loop-config";

export type ServiceResult<T> =
  { ok: true; status: number; body: T } | { ok: false; status: number; code: string; message: string };

export interface ServiceCall {
  method?: "GET" | "POST" | "DELETE";
  /** Passed to t.jwt so Trello's token says what it is for. */
  state?: string;
  body?: unknown;
}

/** Messages for the service's error codes a PM can act on; others use the service's own message. */
const IN_WORDS: Record<string, string> = {
  NOT_CONNECTED: 'Connect the board first: open the Power-Up\'s authorization ("Connect this board") and try again.',
  JWT_MISSING: "Trello did not say who you are. Reload the board and try again.",
  JWT_INVALID: "Trello could not confirm who you are. Reload the board and try again.",
  JWT_EXPIRED: "Your Trello session for this page expired. Close it and open it again.",
  WRONG_BOARD: "This page belongs to another board. Close it and open it again from this board.",
  TOKEN_INVALID: "Trello refused the connection token. Connect the board again.",
  TRELLO_UNAVAILABLE: "Trello cannot be reached right now. Try again in a minute.",
};

/** The readable sentence for a service error. */
function serviceErrorText(code: string, message: string): string {
  return IN_WORDS[code] ?? message;
}

/**
 * Calls the Stakeholder Loop service as the member, proving who they are with t.jwt (iframes cannot rely on
 * cookies). Never throws: a network failure comes back as an error in words.
 */
export async function callService<T>(
  t: Trello.PowerUp.HostHandlers,
  path: string,
  call: ServiceCall = {},
): Promise<ServiceResult<T>> {
  let response: Response;
  try {
    const jwt = (await t.jwt({ state: call.state ?? "loop" } as Trello.PowerUp.JWTOptions)) as string;
    const headers: Record<string, string> = { authorization: `Bearer ${jwt}` };
    if (call.body !== undefined) headers["content-type"] = "application/json";
    response = await fetch(`${loopConfig().serviceUrl}${path}`, {
      method: call.method ?? "GET",
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      code: "UNREACHABLE",
      message: "The Stakeholder Loop service cannot be reached. Check your connection and try again.",
    };
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return { ok: true, status: response.status, body: body as T };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : `HTTP_${response.status}`;
  const message =
    typeof error?.message === "string"
      ? error.message
      : `The service answered ${response.status}. Try again in a minute.`;
  return { ok: false, status: response.status, code, message: serviceErrorText(code, message) };
}
