import fs from "node:fs";
import path from "node:path";

/** The real Trello payloads, copied into the repository with their sources (test/fixtures/trello/SOURCES.md). */
export const FIXTURES_DIR = path.resolve(__dirname, "../fixtures/trello");

export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES_DIR, name));
}

export function fixtureJson<T = any>(name: string): T {
  return JSON.parse(fixtureBytes(name).toString("utf8")) as T;
}

export function fixtureNames(prefix: string): string[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((name) => name.startsWith(prefix) && name.endsWith(".json"))
    .sort();
}

export interface Delivery {
  name: string;
  body: Buffer;
  action: any;
}

/** Wraps a bare action's own bytes in the `{action, model}` envelope Trello delivers it in (model = its board). */
export function envelope(actionBytes: Buffer): Buffer {
  const action = JSON.parse(actionBytes.toString("utf8"));
  const model = JSON.stringify({
    id: action.data?.board?.id ?? "5e93ba98614ac22d22f085c4",
    name: action.data?.board?.name ?? "Board",
  });
  return Buffer.concat([Buffer.from('{"action":'), actionBytes, Buffer.from(`,"model":${model}}`)]);
}

/** A fixture known to be hand-edited (no type, no date): a malformed-input case, not a delivery. */
export const MALFORMED_FIXTURE = "webhook-action-only__fiatjaf__customfielditem-update.json";

/**
 * Every real delivery in the fixtures: full webhook bodies byte for byte, bare webhook actions wrapped in
 * their envelope, and each action of the REST action listings wrapped the same way.
 */
export function allDeliveries(): Delivery[] {
  const full = fixtureNames("webhook__").map((name) => {
    const body = fixtureBytes(name);
    return { name, body, action: JSON.parse(body.toString("utf8")).action };
  });
  const bare = fixtureNames("webhook-action-only__")
    .filter((name) => name !== MALFORMED_FIXTURE)
    .map((name) => {
      const body = envelope(fixtureBytes(name));
      return { name, body, action: JSON.parse(body.toString("utf8")).action };
    });
  const listings: [string, (json: any) => any[]][] = [
    ["rest__GET_boards_id_actions__ruby-trello.json", (json) => json],
    ["rest__GET_members_id_actions__ruby-trello.json", (json) => json],
    ["rest__GET_cards_id_actions__adlio.json", (json) => json],
    ["rest__GET_actions_id__ruby-trello.json", (json) => [json]],
    ["rest__GET_boards_id_nested__adlio_rq2mYJNn.json", (json) => json.actions],
  ];
  const fromRest = listings.flatMap(([name, pick]) =>
    pick(fixtureJson(name)).map((action: any, index: number) => ({
      name: `${name}#${index}:${action.type}`,
      body: envelope(Buffer.from(JSON.stringify(action))),
      action,
    })),
  );
  return [...full, ...bare, ...fromRest];
}
