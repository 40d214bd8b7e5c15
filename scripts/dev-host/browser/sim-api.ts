import type { DevHostSession } from "./host-bridge";

/** A refusal from the simulator, with its status and its message (Trello's plain text or `{error: {message}}`). */
export class SimRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SimRequestError";
  }
}

async function readError(res: Response): Promise<SimRequestError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const message = typeof body.error === "object" ? body.error.message : (body.message ?? body.error);
    return new SimRequestError(res.status, message ?? text);
  } catch {
    return new SimRequestError(res.status, text);
  }
}

/** GET a REST resource under /1/ as the signed-in member. */
export async function simRest<T>(
  session: DevHostSession,
  path: string,
  query: Record<string, string> = {},
): Promise<T> {
  const params = new URLSearchParams({ ...query, key: session.key, token: session.token });
  const res = await fetch(`${session.simBaseUrl}/1/${path}?${params}`);
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

/** Calls the simulator's admin API (/_sim/), which does what the Trello host does for an iframe (t.set, t.jwt). */
export async function simAdmin<T>(
  session: DevHostSession,
  method: "GET" | "PUT" | "POST",
  path: string,
  body?: Record<string, unknown>,
): Promise<T> {
  const url = new URL(`${session.simBaseUrl}/_sim/${path}`);
  if (method === "GET" && body)
    for (const [name, value] of Object.entries(body)) url.searchParams.set(name, String(value));
  const res = await fetch(url, {
    method,
    headers: method === "GET" ? {} : { "content-type": "application/json" },
    body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}
