import { TrelloApiError } from "../../server/trello/trello-api-error";
import { inspectWebhooks, type WebhookView, type WebhooksDeps } from "./inspect-webhooks";

export type DeleteTarget = { board: string } | { orphans: true };

export interface DeleteOutcome {
  deleted: Pick<WebhookView, "id" | "idModel" | "callbackURL">[];
  /** Connected boards left without a webhook: they stay connected, and `repair` gives them one again. */
  boardsLeftWithout: string[];
  /** Webhooks Trello would not delete, each with its answer. */
  failures: { id: string; message: string }[];
}

/**
 * Deletes webhooks on Trello and nothing else: a board's (every webhook watching it under a token the service holds)
 * or every orphan. The store is not touched: a connected board keeps its connection and data, and `list` then shows
 * its webhook missing. A webhook Trello no longer has counts as deleted.
 */
export async function deleteWebhooks(deps: WebhooksDeps, target: DeleteTarget): Promise<DeleteOutcome> {
  const { report, tokenOfWebhook } = await inspectWebhooks(deps);
  const boardWebhooks = report.boards.flatMap((board) => (board.trello ? [board.trello] : []));
  const doomed =
    "board" in target
      ? [...boardWebhooks, ...report.orphans].filter((webhook) => webhook.idModel === target.board)
      : report.orphans;
  const deleted: DeleteOutcome["deleted"] = [];
  const failures: DeleteOutcome["failures"] = [];
  for (const webhook of doomed) {
    try {
      await deps.client.deleteWebhook(tokenOfWebhook.get(webhook.id)!, webhook.id);
    } catch (err) {
      if (!(err instanceof TrelloApiError && err.status === 404)) {
        failures.push({ id: webhook.id, message: err instanceof Error ? err.message : String(err) });
        continue;
      }
    }
    deleted.push({ id: webhook.id, idModel: webhook.idModel, callbackURL: webhook.callbackURL });
  }
  const gone = new Set(deleted.map((webhook) => webhook.id));
  return {
    deleted,
    boardsLeftWithout: report.boards
      .filter((board) => board.trello && gone.has(board.trello.id))
      .map((board) => board.boardId),
    failures,
  };
}
