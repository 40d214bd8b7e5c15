import type { TokenCipher } from "../auth/token-cipher";
import type { Logger } from "../log/create-logger";
import type { Connection } from "../store/connections-store";
import type { Store } from "../store/create-store";
import type { TrelloClient } from "../trello/create-trello-client";

/**
 * Deletes a connection's webhook on Trello with the connection's own token. When that cannot be done (token
 * revoked or unreadable, Trello down) the webhook is retired instead: its deliveries get 410, so Trello
 * deletes it itself. Returns whether Trello deleted it now.
 */
export async function dropConnectionWebhook(
  deps: { client: TrelloClient; store: Store; cipher: TokenCipher; log: Logger },
  connection: Connection,
): Promise<boolean> {
  if (!connection.webhookId) return false;
  try {
    await deps.client.deleteWebhook(deps.cipher.decrypt(connection.tokenSealed), connection.webhookId);
    return true;
  } catch (err) {
    deps.log.warn(
      { boardId: connection.boardId, err: (err as Error).message },
      "could not delete the webhook on Trello; retiring it",
    );
    deps.store.retiredWebhooks.retire(connection.webhookId, connection.boardId);
    return false;
  }
}
