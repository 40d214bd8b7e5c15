import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

/** Every row of every table, as text, with the table it came from. */
function everyRow(h: ServiceWithSim): { table: string; row: string }[] {
  const db = h.service.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.prepare(`SELECT * FROM "${table}"`).all() as object[]).map((row) => ({ table, row: JSON.stringify(row) })),
  );
}

const stakeholder = {
  v: 1,
  name: "Dana Ruiz",
  type: "client",
  influence: "high",
  interest: "medium",
  channel: "email",
  cadenceDays: 7,
  buyIn: "supporter",
  status: "active",
};

describe("disconnect with delete-data", () => {
  let h: ServiceWithSim;
  beforeAll(async () => {
    h = await startServiceWithSim();
  });
  afterAll(async () => {
    await h.close();
  });

  /** A board with lists, cards, a comment, a member of its own on a card, Loop records with history, and a snapshot. */
  async function busyBoard(name: string, ownMember: string) {
    const board = h.sim.createBoard({ name, lists: ["Stakeholders", "Done"], at: "2026-03-01T09:00:00Z" });
    const boardId = String(board.id);
    const [list, done] = (board.lists as { id: string }[]).map((l) => l.id);
    const card = String(h.sim.createCard(list!, { name: `${name} sponsor`, at: "2026-03-02T09:00:00Z" }).id);
    h.sim.addMemberToBoard(boardId, ownMember);
    h.sim.addMemberToCard(card, ownMember);
    h.sim.addComment(card, "Signed off", { at: "2026-03-03T09:00:00Z" });
    h.sim.setPluginData(
      { scope: "card", idModel: card },
      {
        stakeholder,
        log: { v: 1, entries: [{ id: "abc12345", at: "2026-03-04T09:00:00Z", channel: "email", summary: "Status" }] },
      },
    );
    h.sim.setPluginData(
      { scope: "board", idModel: boardId },
      {
        settings: {
          v: 1,
          timezone: "Europe/Berlin",
          doneLists: [done],
          sprintDays: 14,
          reportAudience: "client",
          reportOnMonthClose: true,
        },
      },
    );
    expect((await h.connect(boardId)).status).toBe(202);
    await h.settle();
    const jwt = await h.sim.mintJwt({ idBoard: boardId });
    const made = await fetch(`${h.baseUrl}/api/boards/${boardId}/reports`, {
      method: "POST",
      headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
      body: JSON.stringify({ month: "2026-03", audience: "internal" }),
    });
    expect(made.status).toBe(201);
    return { boardId, ids: [boardId, list!, done!, card, ownMember], jwt };
  }

  it("When a board is disconnected with deleteData=true, then no row in any table is about it, and other boards keep theirs", async () => {
    const alone = String(h.sim.createMember({ username: "only-on-a", fullName: "Only On A" }).id);
    const onB = String(h.sim.createMember({ username: "on-b", fullName: "On B" }).id);
    const a = await busyBoard("Board A", alone);
    const b = await busyBoard("Board B", onB);
    const mentions = (ids: string[]) => everyRow(h).filter(({ row }) => ids.some((id) => row.includes(id)));
    const tablesWithA = new Set(mentions(a.ids).map(({ table }) => table));
    // The board's data really was everywhere: the test would prove nothing otherwise.
    for (const table of [
      "actions",
      "boards",
      "cards",
      "lists",
      "members",
      "card_members",
      "plugin_data",
      "loop_record_versions",
      "stakeholder_updates",
      "report_snapshots",
      "board_settings",
      "sync_state",
      "connections",
    ]) {
      expect({ table, present: tablesWithA.has(table) }).toEqual({ table, present: true });
    }
    const bBefore = mentions(b.ids);

    const res = await fetch(`${h.baseUrl}/api/boards/${a.boardId}/connection?deleteData=true`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${a.jwt}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ disconnected: true, dataDeleted: true });
    await h.settle();

    expect(mentions(a.ids)).toEqual([]);
    expect(mentions(["Only On A", "only-on-a"])).toEqual([]);
    expect(mentions(b.ids)).toEqual(bBefore);
  });
});
