import type { TrelloSimulator } from "../../scripts/trello-sim/create-trello-simulator";

export interface MarchBoard {
  boardId: string;
  todo: string;
  done: string;
}

/**
 * Seeds March 2026 on a new simulator board: `cards` cards created a minute apart in To Do, each commented,
 * every other one moved to Done. About 2.5 actions per card.
 */
export function seedMarchBoard(sim: TrelloSimulator, cards: number): MarchBoard {
  const board = sim.createBoard({
    name: "ACME rollout",
    lists: ["To Do", "Doing", "Done"],
    at: "2026-02-20T09:00:00Z",
  });
  const [todo, , done] = board.lists as { id: string }[];
  for (let i = 0; i < cards; i += 1) {
    const at = Date.parse("2026-03-01T00:00:00Z") + i * 60_000;
    const card = sim.createCard(todo!.id, { name: `Card ${i}`, at });
    sim.addComment(card.id as string, `Note ${i}`, { at: at + 1_000 });
    if (i % 2 === 0) sim.moveCard(card.id as string, done!.id, { at: at + 2_000 });
  }
  return { boardId: board.id as string, todo: todo!.id, done: done!.id };
}
