import type { BoardFields } from "./entity-fields";
import type { Db } from "./open-database";
import { createVersionedEntityStore, type VersionedEntityStore } from "./versioned-entity-store";

/** SQL for the boards table. */
export function createBoardsStore(db: Db): VersionedEntityStore<BoardFields> {
  return createVersionedEntityStore<BoardFields>(db, {
    table: "boards",
    columns: { name: { column: "name", kind: "text" } },
  });
}
