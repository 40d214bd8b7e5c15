import { describeFirstIssue } from "./field-errors";
import { LOOP_RECORDS, type LoopKey, type LoopValue } from "./loop-records";

export type LoopRead<K extends LoopKey> =
  { status: "absent" } | { status: "ok"; value: LoopValue<K> } | { status: "invalid"; message: string };

/**
 * Checks a value read back from pluginData. Data saved by another version or edited by hand is reported in words a
 * PM understands, never thrown, so a page shows the problem instead of a blank frame.
 */
export function readLoopRecord<K extends LoopKey>(key: K, raw: unknown): LoopRead<K> {
  if (raw === undefined || raw === null) return { status: "absent" };
  const { label, schema } = LOOP_RECORDS[key];
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { status: "ok", value: parsed.data as LoopValue<K> };
  const version = typeof raw === "object" && raw !== null && "v" in raw ? (raw as { v: unknown }).v : undefined;
  const why =
    version !== 1
      ? `it was saved by another version of Stakeholder Loop (version ${String(version ?? "none")})`
      : describeFirstIssue(parsed.error);
  return {
    status: "invalid",
    message: `The saved ${label} cannot be read: ${why}. Open it and save it again to repair it.`,
  };
}
