import { loopConfig } from "./loop-config";

/** How long a page waits for the service to take in a change before it moves on. */
const NOTIFY_TIMEOUT_MS = 5_000;

/**
 * Tells the service which card's (or the board's) Loop data changed, so its store reads it from Trello now rather
 * than at the next reconcile. The save already happened on Trello: a failure here only delays the service.
 */
export async function notifyService(t: Trello.PowerUp.HostHandlers, idCard?: string): Promise<boolean> {
  try {
    const { board } = t.getContext();
    const jwt = (await t.jwt({ state: "plugin-data" } as Trello.PowerUp.JWTOptions)) as string;
    const response = await fetch(`${loopConfig().serviceUrl}/api/boards/${board}/plugin-data/refresh`, {
      method: "POST",
      headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
      body: JSON.stringify(idCard ? { idCard } : {}),
      // The save is done; a slow service must not hold the popup open (reconcile catches up later).
      signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}
