import type { CardFields } from "./entity-fields";
import type { Db } from "./open-database";
import { createVersionedEntityStore, type VersionedEntityStore } from "./versioned-entity-store";

/** SQL for the cards table. */
export function createCardsStore(db: Db): VersionedEntityStore<CardFields> {
  return createVersionedEntityStore<CardFields>(db, {
    table: "cards",
    columns: {
      boardId: { column: "board_id", kind: "text" },
      listId: { column: "list_id", kind: "text" },
      name: { column: "name", kind: "text" },
      closed: { column: "closed", kind: "boolean" },
      deleted: { column: "deleted", kind: "boolean" },
      due: { column: "due", kind: "text" },
      pos: { column: "pos", kind: "number" },
      idShort: { column: "id_short", kind: "number" },
      shortLink: { column: "short_link", kind: "text" },
    },
  });
}
