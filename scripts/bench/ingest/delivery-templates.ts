import { computeTrelloSignature } from "../../../server/webhooks/verify-trello-signature";
import { createTrelloSimulator } from "../../trello-sim/create-trello-simulator";

/** Stands for the action id in a template; each delivery made from it gets its own id. */
export const ACTION_ID_SLOT = "@@ACTION_ID@@";

/**
 * Webhook bodies in Trello's envelope, from a simulated board's real-shaped actions (cards created, commented,
 * moved and renamed across a few lists), with the action id left as a slot. Many deliveries share cards and
 * lists, as on a busy board.
 */
export function deliveryTemplates(cards: number): string[] {
  const sim = createTrelloSimulator({ rateLimits: false, jwtModulusLength: 1024 });
  const board = sim.createBoard({ name: "Load board", lists: ["To Do", "Doing", "Done"], at: "2026-03-01T09:00:00Z" });
  const lists = board.lists.map((list) => list.id as string);
  const start = Date.parse("2026-03-02T09:00:00Z");
  for (let i = 0; i < cards; i += 1) {
    const at = start + i * 60_000;
    const card = sim.createCard(lists[0]!, { name: `Load card ${i}`, at });
    sim.addComment(card.id as string, `Progress note ${i} — ça avance`, { at: at + 1_000 });
    sim.moveCard(card.id as string, lists[1 + (i % 2)]!, { at: at + 2_000 });
    sim.renameCard(card.id as string, `Load card ${i} (reviewed)`, { at: at + 3_000 });
  }
  const model = { id: board.id, name: board.name };
  const webhook = { id: "5f0000000000000000000001", idModel: board.id, description: "load", active: true };
  return sim
    .boardActions(board.id as string, { limit: 1000 })
    .map((action) => JSON.stringify({ model, action: { ...action, id: ACTION_ID_SLOT }, webhook }));
}

/** Distinct 24-hex action ids: a per-run prefix (so runs never collide) and a counter. */
export function actionIdFactory(prefix: string): () => string {
  if (!/^[0-9a-f]{12}$/.test(prefix)) throw new RangeError("The id prefix must be 12 hex digits");
  let counter = 0;
  return () => prefix + (counter++).toString(16).padStart(12, "0");
}

/** One signed delivery: the template with its id filled in, and Trello's signature over body + callback URL. */
export function signedDelivery(template: string, actionId: string, callbackUrl: string, secret: string): { body: string; signature: string } {
  const body = template.replace(ACTION_ID_SLOT, actionId);
  return { body, signature: computeTrelloSignature(body, callbackUrl, secret) };
}
