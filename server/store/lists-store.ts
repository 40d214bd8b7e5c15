import type { ListFields } from "./entity-fields";
import type { Db } from "./open-database";
import { createVersionedEntityStore, type VersionedEntityStore } from "./versioned-entity-store";

export interface ListsStore extends VersionedEntityStore<ListFields> {
  /** Current names of a board's lists, by list id. */
  namesByBoard(boardId: string): Map<string, string | null>;
}

/** SQL for the lists table. */
export function createListsStore(db: Db): ListsStore {
  const names = db.prepare("SELECT id, name FROM lists WHERE board_id = ?");
  return {
    ...createVersionedEntityStore<ListFields>(db, {
      table: "lists",
      columns: {
        boardId: { column: "board_id", kind: "text" },
        name: { column: "name", kind: "text" },
        closed: { column: "closed", kind: "boolean" },
        pos: { column: "pos", kind: "number" },
      },
    }),
    namesByBoard(boardId) {
      const rows = names.all(boardId) as { id: string; name: string | null }[];
      return new Map(rows.map((row) => [row.id, row.name]));
    },
  };
}
