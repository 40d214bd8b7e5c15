import type { TokenCipher } from "../auth/token-cipher";
import { AppError, ErrorCode } from "../http/app-error";
import { applyBoardSettings } from "../loop/apply-board-settings";
import { recordLoopHistory } from "../loop/record-loop-history";
import type { Store } from "../store/create-store";
import type { TrelloClient } from "../trello/create-trello-client";
import { NetworkError } from "../trello/fetch-json";
import type { TrelloPluginData } from "../trello/trello-rest-schemas";
import { TrelloApiError } from "../trello/trello-api-error";

export interface RefreshDeps {
  client: TrelloClient;
  store: Store;
  cipher: TokenCipher;
}

export interface RefreshRequest {
  boardId: string;
  /** The card whose pluginData changed; absent for the board's own pluginData. */
  idCard?: string;
}

export interface RefreshResult {
  idModel: string;
  records: number;
  syncedAt: string;
}

/** Trello's refusals as answers the Power-Up can act on; anything else means Trello cannot be read right now. */
function fromTrello(err: unknown, request: RefreshRequest): AppError {
  if (err instanceof TrelloApiError && (err.status === 401 || err.status === 403)) {
    return new AppError(
      409,
      ErrorCode.TokenInvalid,
      "Trello no longer accepts the token this board was connected with: connect the board again",
    );
  }
  if (err instanceof TrelloApiError && err.status === 404) {
    return request.idCard
      ? new AppError(404, ErrorCode.CardNotOnBoard, `Trello has no card ${request.idCard}`)
      : new AppError(404, ErrorCode.NotFound, `Trello has no board ${request.boardId}`);
  }
  // Only our own errors' messages: they are known to carry no URL, and so no token.
  const detail = err instanceof TrelloApiError || err instanceof NetworkError ? `: ${err.message}` : "";
  return new AppError(503, ErrorCode.TrelloUnavailable, `Trello could not be read${detail}`);
}

/**
 * Reads one card's (or the board's) pluginData from Trello with the board's stored token and replaces what
 * the store holds for that model. Nothing is stored unless the read succeeds.
 */
export async function refreshPluginData(
  deps: RefreshDeps,
  { boardId, idCard }: RefreshRequest,
): Promise<RefreshResult> {
  const { client, store, cipher } = deps;
  const connection = store.connections.get(boardId);
  if (!connection) throw new AppError(404, ErrorCode.NotConnected, "This board is not connected to Stakeholder Loop");
  const token = cipher.decrypt(connection.tokenSealed);
  const idModel = idCard ?? boardId;
  let records: TrelloPluginData[];
  try {
    // The JWT proves the member is on this board, not that the card is: a card elsewhere must not land here. A card
    // the store has not seen yet (made a moment ago, its webhook still on the way) is looked up on Trello.
    const knownBoard = idCard ? store.cards.get(idCard)?.fields.boardId : boardId;
    const cardBoard = knownBoard ?? (idCard ? await client.getCardBoardId(token, idCard) : boardId);
    if (cardBoard !== boardId) throw new AppError(404, ErrorCode.CardNotOnBoard, `Card ${idCard} is not on this board`);
    records = idCard ? await client.getCardPluginData(token, idCard) : await client.getBoardPluginData(token, boardId);
  } catch (err) {
    throw err instanceof AppError ? err : fromTrello(err, { boardId, idCard });
  }
  const syncedAt = new Date().toISOString();
  store.db.transaction(() => {
    store.pluginData.replaceModel(boardId, idModel, records, syncedAt);
    recordLoopHistory(store, boardId, idModel, syncedAt);
    if (!idCard) applyBoardSettings(store, boardId);
  })();
  return { idModel, records: records.length, syncedAt };
}
