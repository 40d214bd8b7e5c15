import { fieldErrors } from "../../shared/loop/field-errors";
import {
  LOOP_RECORDS,
  PLUGIN_DATA_LIMIT,
  pluginDataSize,
  type LoopKey,
  type LoopValue,
} from "../../shared/loop/loop-records";
import { readLoopRecord, type LoopRead } from "../../shared/loop/read-loop-record";
import { notifyService } from "./notify-service";

type T = Trello.PowerUp.HostHandlers;

/** Where a record lives: the board, the iframe's card, or a card by id. */
export type Target = "board" | "card" | (string & {});

export type SaveResult<K extends LoopKey> =
  { ok: true; value: LoopValue<K> } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

function cardIdOf(t: T, target: Target): string | undefined {
  if (target === "board") return undefined;
  return target === "card" ? t.getContext().card : target;
}

/** Reads one Loop record and checks it against its schema. */
export async function readRecord<K extends LoopKey>(t: T, target: Target, key: K): Promise<LoopRead<K>> {
  return readLoopRecord(key, await t.get(target, "shared", key));
}

/** Everything stored in a scope's shared pluginData. */
export async function readScope(t: T, target: Target): Promise<Record<string, unknown>> {
  return (await t.get<Record<string, unknown> | undefined>(target, "shared")) ?? {};
}

function tooLargeMessage(target: Target, size: number): string {
  const where = target === "board" ? "The board's" : "This card's";
  return (
    `${where} Stakeholder Loop data would take ${size.toLocaleString("en-US")} characters, and Trello keeps at most ` +
    `${PLUGIN_DATA_LIMIT.toLocaleString("en-US")}. Shorten the longer texts (or put long notes in the card description) ` +
    "and save again. Nothing was changed."
  );
}

/**
 * Validates a record with its schema, refuses a write that would take the scope over Trello's 4,096 characters
 * (so what is already saved stays as it was), saves it with t.set and tells the service.
 */
export async function saveRecord<K extends LoopKey>(
  t: T,
  target: Target,
  key: K,
  value: unknown,
): Promise<SaveResult<K>> {
  const parsed = LOOP_RECORDS[key].schema.safeParse(value);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const current = await readScope(t, target);
  const size = pluginDataSize({ ...current, [key]: parsed.data });
  if (size > PLUGIN_DATA_LIMIT) return { ok: false, fieldErrors: {}, formError: tooLargeMessage(target, size) };
  try {
    await t.set(target, "shared", key, parsed.data);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, fieldErrors: {}, formError: `Trello did not save it: ${message}. Nothing was changed.` };
  }
  await notifyService(t, cardIdOf(t, target));
  return { ok: true, value: parsed.data as LoopValue<K> };
}

/** Removes a record and tells the service. */
export async function removeRecord(t: T, target: Target, key: LoopKey): Promise<void> {
  await t.remove(target, "shared", key);
  await notifyService(t, cardIdOf(t, target));
}
