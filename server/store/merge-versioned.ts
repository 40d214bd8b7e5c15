import type { Observation } from "./entity-fields";

export interface VersionedRecord<F> {
  fields: Partial<F>;
  /** field name -> version of the action that last set it */
  versions: Record<string, string>;
}

/**
 * Last-writer-wins per field: a field takes the observed value only when the observation is newer than
 * whatever set it before. Order-independent and idempotent, so late and repeated deliveries converge.
 */
export function mergeVersioned<F extends object>(
  current: VersionedRecord<F> | undefined,
  observation: Observation<F>,
): { record: VersionedRecord<F>; changed: boolean } {
  const fields: Partial<F> = { ...(current?.fields ?? {}) };
  const versions: Record<string, string> = { ...(current?.versions ?? {}) };
  let changed = current === undefined;
  for (const key of Object.keys(observation.fields) as (keyof F & string)[]) {
    const seen = versions[key];
    if (seen !== undefined && seen >= observation.version) continue;
    fields[key] = observation.fields[key];
    versions[key] = observation.version;
    changed = true;
  }
  return { record: { fields, versions }, changed };
}
