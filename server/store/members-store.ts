import type { MemberFields } from "./entity-fields";
import type { Db } from "./open-database";
import { createVersionedEntityStore, type VersionedEntityStore } from "./versioned-entity-store";

/** SQL for the members table. */
export function createMembersStore(db: Db): VersionedEntityStore<MemberFields> {
  return createVersionedEntityStore<MemberFields>(db, {
    table: "members",
    columns: {
      username: { column: "username", kind: "text" },
      fullName: { column: "full_name", kind: "text" },
    },
  });
}
