import path from "node:path";
import { recordLoopHistory } from "../../../../server/loop/record-loop-history";
import { createStore, type Store } from "../../../../server/store/create-store";
import { openDatabase } from "../../../../server/store/open-database";
import { createActionIngester } from "../../../../server/sync/create-action-ingester";
import { BoardStory } from "../../../support/board-story";
import { makeTempDir } from "../../../support/test-app";

export const PLUGIN_ID = "5f0000000000000000000001";

/** A board's Trello history (BoardStory) plus its Loop data written the way refresh writes it, into a temp store. */
export class LoopBoard {
  readonly story = new BoardStory();
  readonly store: Store;
  private readonly remove: () => void;
  private readonly closeDb: () => void;

  constructor() {
    const { dir, remove } = makeTempDir();
    const db = openDatabase(path.join(dir, "loop.db"));
    this.store = createStore(db);
    this.remove = remove;
    this.closeDb = () => db.close();
  }

  get boardId(): string {
    return this.story.board.id;
  }

  /** Stores every action the story has written so far (each id once). */
  ingest(): void {
    const ingestAction = createActionIngester(this.store);
    for (const action of this.story.actions)
      ingestAction(action, JSON.stringify(action), { fallbackBoardId: this.boardId, source: "webhook" });
  }

  /** A refresh of one model's pluginData seen at `seenAt`: replaces it and records its history in one transaction. */
  setLoopData(idModel: string, data: Record<string, unknown>, seenAt: string): void {
    const scope = idModel === this.boardId ? "board" : "card";
    const records = Object.keys(data).length
      ? [{ id: `pd${idModel}`, idPlugin: PLUGIN_ID, scope, idModel, access: "shared", value: JSON.stringify(data) }]
      : [];
    this.store.db.transaction(() => {
      this.store.pluginData.replaceModel(this.boardId, idModel, records, seenAt);
      recordLoopHistory(this.store, this.boardId, idModel, seenAt);
    })();
  }

  close(): void {
    this.closeDb();
    this.remove();
  }
}
