import { computeTrelloSignature } from "../../../server/webhooks/verify-trello-signature";
import { createTrelloSimulator } from "../../trello-sim/create-trello-simulator";

/** Stands for the action id in a template; each delivery made from it gets its own id. */
export const ACTION_ID_SLOT = "@@ACTION_ID@@";
/** Stands for the action's date: a delivery carries the moment it is sent, as Trello's arrive just after the action. */
export const ACTION_DATE_SLOT = "@@ACTION_DATE@@";

/**
 * Webhook bodies in Trello's envelope, from simulated boards' real-shaped actions (cards created, commented,
 * moved and renamed across a few lists), with the action id and date left as slots. Many deliveries share
 * cards and lists, as on a busy board; with several boards, their deliveries interleave as they do at one
 * endpoint serving many boards.
 */
export function deliveryTemplates(cards: number, boards = 1): string[] {
  const sim = createTrelloSimulator({ rateLimits: false, jwtModulusLength: 1024 });
  const templates: string[][] = [];
  for (let b = 0; b < boards; b += 1) {
    const board = sim.createBoard({
      name: `Load board ${b + 1}`,
      lists: ["To Do", "Doing", "Done"],
      at: "2026-03-01T09:00:00Z",
    });
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
    const webhook = {
      id: (0x5f0000000000000000000001n + BigInt(b)).toString(16),
      idModel: board.id,
      description: "load",
      active: true,
    };
    templates.push(
      sim
        .boardActions(board.id as string, { limit: 1000 })
        .reverse()
        .map((action) =>
          JSON.stringify({ model, action: { ...action, id: ACTION_ID_SLOT, date: ACTION_DATE_SLOT }, webhook }),
        ),
    );
  }
  // Round robin over the boards, each board's actions in the order they happened.
  const longest = Math.max(...templates.map((t) => t.length));
  return Array.from({ length: longest }, (_, i) => templates.flatMap((t) => (i < t.length ? [t[i]!] : []))).flat();
}

/** Distinct 24-hex action ids: a per-run prefix (so runs never collide) and a counter. */
export function actionIdFactory(prefix: string): () => string {
  if (!/^[0-9a-f]{12}$/.test(prefix)) throw new RangeError("The id prefix must be 12 hex digits");
  let counter = 0;
  return () => prefix + (counter++).toString(16).padStart(12, "0");
}

/** One signed delivery: the template with its id and date filled in, and Trello's signature over body + callback URL. */
export function signedDelivery(
  template: string,
  actionId: string,
  callbackUrl: string,
  secret: string,
  date = new Date(),
): { body: string; signature: string } {
  const body = template.replace(ACTION_ID_SLOT, actionId).replace(ACTION_DATE_SLOT, date.toISOString());
  return { body, signature: computeTrelloSignature(body, callbackUrl, secret) };
}
