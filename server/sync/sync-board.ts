import { firstIssue } from "../../shared/first-issue";
import type { Logger } from "../log/create-logger";
import { buildBoardCheckpoints } from "../history/build-board-checkpoints";
import { applyBoardSettings } from "../loop/apply-board-settings";
import { recordLoopHistory } from "../loop/record-loop-history";
import type { Store } from "../store/create-store";
import { ACTIONS_PAGE_LIMIT, type TrelloClient } from "../trello/create-trello-client";
import { trelloActionSchema, type TrelloAction } from "../trello/trello-action-schema";
import { applyObservations } from "./apply-observations";
import { ingestActions } from "./ingest-actions";
import { observeSnapshot } from "./observe-snapshot";

export interface SyncProgress {
  phase: "history" | "catch-up" | "snapshot" | "done";
  actions: number;
  pages: number;
}

export interface SyncBoardDeps {
  client: TrelloClient;
  store: Store;
  log: Logger;
  now?: () => Date;
}

export interface SyncBoardRequest {
  boardId: string;
  token: string;
  onProgress?: (progress: SyncProgress) => void;
  /** Stops the sync between two pages (disconnect, shutdown); what was stored stays stored. */
  signal?: AbortSignal;
  /** Drop the board's report checkpoints and build them again from the actions (a reconcile from the command line). */
  rebuildCheckpoints?: boolean;
}

export interface SyncResult {
  actionsRead: number;
  actionsStored: number;
  invalidActions: number;
}

interface Page {
  actions: TrelloAction[];
  raws: string[];
  /** Ids in Trello's order (newest first), including actions that failed validation. */
  ids: string[];
}

function validatePage(items: unknown[], log: Logger): Page {
  const page: Page = { actions: [], raws: [], ids: [] };
  for (const item of items) {
    const id = (item as { id?: unknown })?.id;
    if (typeof id === "string") page.ids.push(id);
    const parsed = trelloActionSchema.safeParse(item);
    if (parsed.success) {
      page.actions.push(parsed.data);
      page.raws.push(JSON.stringify(item));
    } else {
      log.warn(
        { actionId: id, problem: firstIssue(parsed.error, "action") },
        "skipped an action Trello returned in an unexpected shape",
      );
    }
  }
  return page;
}

/**
 * Brings a board's store up to date from Trello's REST API: pages the whole history (resumable), catches
 * up on what came since the last read (repairing missed webhook deliveries), then reads current lists,
 * cards and pluginData, and builds the report checkpoints the history now allows. Every page is stored in
 * one transaction with the cursor that follows it.
 */
export async function syncBoard(deps: SyncBoardDeps, request: SyncBoardRequest): Promise<SyncResult> {
  const { client, store, log } = deps;
  const { boardId, token } = request;
  const result: SyncResult = { actionsRead: 0, actionsStored: 0, invalidActions: 0 };
  let pages = 0;
  const progress = (phase: SyncProgress["phase"]) =>
    request.onProgress?.({ phase, actions: result.actionsRead, pages });

  // A page is one batch in one transaction with its cursor: no savepoint per action, each entity written once.
  const storePage = (page: Page, bookkeeping: () => void) =>
    store.db.transaction(() => {
      const context = { fallbackBoardId: boardId, source: "backfill" as const };
      // Oldest first: Trello pages newest first, and ids and dates then land in ascending runs in the actions
      // table's indexes (leaf pages filled in order) instead of each row going in before the one just stored.
      const items = page.actions.map((action, index) => ({ action, rawJson: page.raws[index]!, context })).reverse();
      const results = ingestActions(store, items);
      result.actionsStored += results.filter((r) => !r.duplicate).length;
      bookkeeping();
    })();

  const fetchPage = async (query: { before?: string; since?: string }) => {
    request.signal?.throwIfAborted();
    const items = await client.getActionsPage(token, boardId, { ...query, limit: ACTIONS_PAGE_LIMIT });
    const page = validatePage(items, log);
    pages += 1;
    result.actionsRead += items.length;
    result.invalidActions += items.length - page.actions.length;
    return { page, full: items.length >= ACTIONS_PAGE_LIMIT };
  };

  const prefetch = (query: { before?: string }) => {
    const fetching = fetchPage(query);
    // Awaited on the next turn of the loop; until then a failure (an abort, a lost connection) must not go unhandled.
    fetching.catch(() => undefined);
    return fetching;
  };

  let start = store.syncState.get(boardId);
  if (start.backfillComplete && start.restNewestActionId === null) {
    // The history was empty when last read: there is no "since" to catch up from, so read it again from the top.
    store.syncState.advanceBackfill(boardId, null, 0, false);
    start = store.syncState.get(boardId);
  }
  const catchUpFrom = start.restNewestActionId;
  let newestSeen: string | null = null;

  // History, oldest-ward from wherever the last run stopped. The next page is asked for as soon as this one's
  // last id is known, so Trello serves it while this one is validated and stored; the cursor still advances
  // only with a stored page.
  let state = start;
  let next = state.backfillComplete ? undefined : prefetch({ before: state.backfillCursor ?? undefined });
  while (next) {
    const { page, full } = await next;
    const cursor = page.ids.at(-1) ?? state.backfillCursor;
    next = full ? prefetch({ before: cursor ?? undefined }) : undefined;
    storePage(page, () => {
      if (state.restNewestActionId === null && page.ids[0]) store.syncState.setRestNewest(boardId, page.ids[0]);
      store.syncState.advanceBackfill(boardId, cursor, page.ids.length, !full);
    });
    state = store.syncState.get(boardId);
    progress("history");
  }

  // What came after the last REST read: deliveries may have been missed meanwhile.
  if (catchUpFrom) {
    let before: string | undefined;
    for (;;) {
      const { page, full } = await fetchPage({ since: catchUpFrom, before });
      newestSeen ??= page.ids[0] ?? null;
      storePage(page, () => undefined);
      progress("catch-up");
      if (!full || page.ids.length === 0) break;
      before = page.ids.at(-1);
    }
    if (newestSeen) store.syncState.setRestNewest(boardId, newestSeen);
  }

  // The read reflects every action stored before it starts. Stamping it with the newest of those actions'
  // dates (Trello's clock, taken before the read) means any action stored meanwhile, or dated later, wins
  // over it, even when our clock runs ahead of Trello's.
  request.signal?.throwIfAborted();
  const newest = store.actions.newestDateMs(boardId);
  const [lists, cards, boardPluginData] = await Promise.all([
    client.getLists(token, boardId),
    client.getCards(token, boardId),
    client.getBoardPluginData(token, boardId),
  ]);
  const pluginData = [...boardPluginData, ...cards.flatMap((card) => card.pluginData ?? [])];
  request.signal?.throwIfAborted();
  const readAt = (deps.now ?? (() => new Date()))();
  store.db.transaction(() => {
    applyObservations(store, [observeSnapshot(boardId, newest === null ? readAt : new Date(newest), lists, cards)]);
    store.pluginData.replaceBoard(boardId, pluginData, readAt.toISOString());
    recordLoopHistory(store, boardId, "all", readAt.toISOString());
    applyBoardSettings(store, boardId);
    store.syncState.markSynced(boardId, readAt.toISOString());
  })();
  progress("snapshot");
  // Derived from what was just stored: late actions have already dropped the checkpoints they changed.
  await buildBoardCheckpoints(store, boardId, { rebuild: request.rebuildCheckpoints, now: readAt });
  log.info({ boardId, ...result, pages }, "board synced from Trello");
  progress("done");
  return result;
}
