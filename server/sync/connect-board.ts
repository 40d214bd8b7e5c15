import type { TokenCipher } from "../auth/token-cipher";
import { AppError, ErrorCode } from "../http/app-error";
import type { Logger } from "../log/create-logger";
import type { Connection } from "../store/connections-store";
import type { Store } from "../store/create-store";
import type { TrelloClient } from "../trello/create-trello-client";
import { TrelloApiError } from "../trello/trello-api-error";
import { assertMayManage } from "./assert-may-manage";
import { dropConnectionWebhook } from "./drop-connection-webhook";

export interface ConnectDeps {
  client: TrelloClient;
  store: Store;
  cipher: TokenCipher;
  /** The webhook callback URL exactly as Trello will sign it. */
  callbackUrl: string;
  log: Logger;
}

function unavailable(err: unknown): AppError {
  return new AppError(
    502,
    ErrorCode.TrelloUnavailable,
    `Trello could not be reached: ${err instanceof Error ? err.message : String(err)}`,
  );
}

/** True for Trello's refusals of a token or a board (as opposed to Trello being down). */
const isRefusal = (err: unknown) => err instanceof TrelloApiError && err.status >= 400 && err.status < 500;

async function registerWebhook(deps: ConnectDeps, token: string, boardId: string): Promise<string> {
  const { client, callbackUrl } = deps;
  const existing = (await client.listWebhooks(token)).find(
    (w) => w.idModel === boardId && w.callbackURL === callbackUrl,
  );
  if (existing) return existing.id;
  try {
    const webhook = await client.createWebhook(token, {
      callbackURL: callbackUrl,
      idModel: boardId,
      description: "Stakeholder Loop",
    });
    return webhook.id;
  } catch (err) {
    if (isRefusal(err)) {
      throw new AppError(
        502,
        ErrorCode.WebhookRefused,
        `Trello would not register the webhook at ${callbackUrl}: check PUBLIC_URL is reachable from Trello (${(err as Error).message})`,
      );
    }
    throw unavailable(err);
  }
}

/**
 * Connects a board for a member: the token must be that member's and able to read the board, and a board
 * connected by someone else may only be taken over by a board admin; then the webhook is registered and the
 * token stored sealed. Nothing is stored unless every step succeeds.
 */
export async function connectBoard(
  deps: ConnectDeps,
  request: { boardId: string; memberId: string; token: string },
): Promise<Connection> {
  const { client, store, cipher, log } = deps;
  const { boardId, memberId, token } = request;
  // Order matters: every check runs before anything is stored or registered.
  const me = await client.getMe(token).catch((err: unknown) => {
    throw isRefusal(err)
      ? new AppError(401, ErrorCode.TokenInvalid, "Trello does not accept this REST token: authorize again")
      : unavailable(err);
  });
  if (me.id !== memberId) {
    throw new AppError(
      403,
      ErrorCode.TokenWrongMember,
      "This REST token belongs to another Trello member than the one signed in",
    );
  }
  await client.getBoard(token, boardId).catch((err: unknown) => {
    throw isRefusal(err)
      ? new AppError(403, ErrorCode.BoardNotReadable, "This member's token cannot read the board")
      : unavailable(err);
  });
  const previous = store.connections.get(boardId);
  if (previous) await assertMayManage(client, previous, memberId, () => token);
  const webhookId = await registerWebhook(deps, token, boardId);
  store.retiredWebhooks.restore(webhookId);
  if (previous?.webhookId && previous.webhookId !== webhookId) {
    // The board was connected through another token: its webhook would deliver every action twice.
    await dropConnectionWebhook(deps, previous);
  }
  const now = new Date().toISOString();
  const connection: Connection = {
    boardId,
    memberId,
    tokenSealed: cipher.encrypt(token),
    webhookId,
    status: "connecting",
    lastError: null,
    connectedAt: now,
    updatedAt: now,
  };
  store.connections.save(connection);
  log.info({ boardId, memberId, webhookId }, "board connected");
  return connection;
}
