import { createTrelloSimulator } from "../../trello-sim/create-trello-simulator";

/** What the simulator process prints once its board is seeded and it listens. */
export interface SeededSim {
  baseUrl: string;
  key: string;
  memberId: string;
  boardId: string;
  actions: number;
}

/**
 * The simulator in a process of its own (`node dist/scripts/bench/backfill/sim-process.js <actions>`), with
 * Trello's rate limits on, so serving pages never shares a CPU turn with the backfill it measures. Seeds one
 * board: cards created a minute apart, each commented and moved (three actions a card), until the board holds
 * at least the asked number of actions. Prints a SeededSim, then serves until SIGTERM.
 */
async function main(): Promise<void> {
  const wanted = Number(process.argv[2]);
  const sim = createTrelloSimulator({ jwtModulusLength: 1024 });
  const board = sim.createBoard({
    name: "Backfill board",
    lists: ["To Do", "Doing", "Done"],
    at: "2024-01-01T09:00:00Z",
  });
  const [todo, , done] = board.lists.map((list) => list.id as string);
  const start = Date.parse("2024-01-02T09:00:00Z");
  let actions = sim.boardActions(board.id as string, { limit: 1000 }).length;
  for (let i = 0; actions < wanted; i += 1) {
    const at = start + i * 60_000;
    const card = sim.createCard(todo!, { name: `Card ${i}`, at });
    sim.addComment(card.id as string, `Note ${i}`, { at: at + 1_000 });
    sim.moveCard(card.id as string, done!, { at: at + 2_000 });
    actions += 3;
  }
  const info = await sim.listen(0);
  const seeded: SeededSim = {
    baseUrl: info.baseUrl,
    key: info.key,
    memberId: info.memberId,
    boardId: board.id as string,
    actions,
  };
  process.stdout.write(`${JSON.stringify(seeded)}\n`);
  process.once("SIGTERM", () => void sim.close().then(() => process.exit(0)));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`simulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
