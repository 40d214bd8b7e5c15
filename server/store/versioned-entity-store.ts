import type { Db } from "./open-database";
import type { VersionedRecord } from "./merge-versioned";

type ColumnKind = "text" | "number" | "boolean";

/** How one entity's fields map onto its table's columns. */
export interface EntityTableSpec<F> {
  table: string;
  columns: { [K in keyof F]-?: { column: string; kind: ColumnKind } };
}

export interface VersionedEntityStore<F> {
  get(id: string): VersionedRecord<F> | undefined;
  save(id: string, record: VersionedRecord<F>): void;
}

function toDb(kind: ColumnKind, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return kind === "boolean" ? (value ? 1 : 0) : value;
}

function fromDb(kind: ColumnKind, value: unknown): unknown {
  if (value === null) return null;
  return kind === "boolean" ? value === 1 : value;
}

/** Prepared get/upsert for a table whose rows are versioned entities (see merge-versioned). */
export function createVersionedEntityStore<F>(db: Db, spec: EntityTableSpec<F>): VersionedEntityStore<F> {
  const entries = Object.entries(spec.columns) as [keyof F & string, { column: string; kind: ColumnKind }][];
  const columnNames = entries.map(([, c]) => c.column);
  const select = db.prepare(`SELECT ${["versions", ...columnNames].join(", ")} FROM ${spec.table} WHERE id = ?`);
  const upsert = db.prepare(
    `INSERT INTO ${spec.table} (id, versions, ${columnNames.join(", ")})
     VALUES (@id, @versions, ${columnNames.map((c) => `@${c}`).join(", ")})
     ON CONFLICT (id) DO UPDATE SET versions = excluded.versions, ${columnNames.map((c) => `${c} = excluded.${c}`).join(", ")}`,
  );
  return {
    get(id) {
      const row = select.get(id) as Record<string, unknown> | undefined;
      if (!row) return undefined;
      const versions = JSON.parse(row.versions as string) as Record<string, string>;
      const fields: Partial<F> = {};
      for (const [field, { column, kind }] of entries) {
        // Only fields some action has set are part of the record; the rest are unknown, not null.
        if (field in versions) (fields as Record<string, unknown>)[field] = fromDb(kind, row[column]);
      }
      return { fields, versions };
    },
    save(id, record) {
      // Sorted keys: the same state is the same bytes whatever order the actions arrived in.
      const versions = Object.fromEntries(Object.entries(record.versions).sort(([a], [b]) => (a < b ? -1 : 1)));
      const params: Record<string, unknown> = { id, versions: JSON.stringify(versions) };
      for (const [field, { column, kind }] of entries) params[column] = toDb(kind, record.fields[field]);
      upsert.run(params);
    },
  };
}
