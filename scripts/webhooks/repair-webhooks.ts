import { inspectWebhooks, type BoardWebhook, type WebhooksDeps, type WebhooksReport } from "./inspect-webhooks";

/** What the repair did to one board's webhook. */
export interface WebhookChange {
  boardId: string;
  webhookId: string;
  change: "created" | "adopted" | "callback-updated" | "reactivated" | "unretired";
}

export interface RepairOutcome {
  changes: WebhookChange[];
  /** Boards the repair could not fix, each with why (e.g. Trello's HEAD check of the callback failed). */
  failures: { boardId: string; message: string }[];
  /** Everything as it is after the repair. */
  report: WebhooksReport;
}

const has = (board: BoardWebhook, code: string) => board.problems.some((problem) => problem.code === code);

/** Fixes one board's webhook; returns what it changed. */
async function repairBoard(deps: WebhooksDeps, board: BoardWebhook, token: string): Promise<WebhookChange[]> {
  const { client, store, callbackUrl } = deps;
  const connection = store.connections.get(board.boardId)!;
  const changes: WebhookChange[] = [];
  let webhookId = board.trello?.id;
  if (!board.trello) {
    webhookId = (
      await client.createWebhook(token, {
        callbackURL: callbackUrl,
        idModel: board.boardId,
        description: "Stakeholder Loop",
      })
    ).id;
    changes.push({ boardId: board.boardId, webhookId, change: "created" });
  } else {
    const update = {
      ...(has(board, "WRONG_CALLBACK") ? { callbackURL: callbackUrl } : {}),
      ...(has(board, "INACTIVE") ? { active: true } : {}),
    };
    if (Object.keys(update).length > 0) {
      await client.updateWebhook(token, board.trello.id, update);
      if (update.callbackURL)
        changes.push({ boardId: board.boardId, webhookId: board.trello.id, change: "callback-updated" });
      if (update.active) changes.push({ boardId: board.boardId, webhookId: board.trello.id, change: "reactivated" });
    }
    if (has(board, "STORED_ID_STALE"))
      changes.push({ boardId: board.boardId, webhookId: board.trello.id, change: "adopted" });
  }
  if (has(board, "RETIRED")) changes.push({ boardId: board.boardId, webhookId: webhookId!, change: "unretired" });
  // Stored only once Trello has done its part: a failed call leaves the store as it was.
  store.retiredWebhooks.restore(webhookId!);
  if (connection.webhookId !== webhookId)
    store.connections.save({ ...connection, webhookId: webhookId!, updatedAt: new Date().toISOString() });
  return changes;
}

/**
 * Recreates, re-points, switches back on or adopts each connected board's webhook that is wrong, so that every
 * board has one active webhook calling PUBLIC_URL/webhooks/trello, stored under its id. Idempotent: a board with
 * nothing repairable is not touched, so a second run changes nothing. Orphans are left alone (`delete --orphans`).
 */
export async function repairWebhooks(deps: WebhooksDeps, onlyBoard?: string): Promise<RepairOutcome> {
  const before = await inspectWebhooks(deps, onlyBoard);
  const changes: WebhookChange[] = [];
  const failures: RepairOutcome["failures"] = [];
  for (const board of before.report.boards) {
    const token = before.tokenOfBoard.get(board.boardId);
    if (!token || !board.problems.some((problem) => problem.repairable)) continue;
    try {
      changes.push(...(await repairBoard(deps, board, token)));
    } catch (err) {
      failures.push({ boardId: board.boardId, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const after = changes.length > 0 ? (await inspectWebhooks(deps, onlyBoard)).report : before.report;
  return { changes, failures, report: after };
}
