import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { REGISTER_COLUMNS } from "../../../server/stakeholders/register-rows";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

const stakeholder = (name: string, type: string, cadenceDays: number) => ({
  v: 1,
  name,
  type,
  influence: "high",
  interest: "medium",
  channel: "email",
  cadenceDays,
  buyIn: "supporter",
  status: "active",
  initiation: { platform: true, roles: false, reviews: true, scope: false },
});
const logAt = (at: string) => ({ v: 1, entries: [{ id: "abc12345", at, channel: "email", summary: "Weekly status" }] });

describe("GET /api/boards/:boardId/stakeholders", () => {
  let h: ServiceWithSim;
  let boardId: string;
  let cards: Record<"dana" | "northwind" | "broken" | "archived", string>;

  beforeAll(async () => {
    h = await startServiceWithSim();
    const board = h.sim.createBoard({
      name: "ACME rollout",
      lists: ["Stakeholders", "Done"],
      at: "2026-03-01T09:00:00Z",
    });
    const list = (board.lists as { id: string }[])[0]!.id;
    const card = (name: string) => h.sim.createCard(list, { name, at: "2026-03-01T10:00:00Z" }).id as string;
    boardId = board.id as string;
    cards = {
      dana: card("Dana Ruiz — ACME"),
      northwind: card("Northwind"),
      broken: card("Hand-edited"),
      archived: card("Former sponsor"),
    };
    const now = Date.now();
    const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();
    h.sim.setPluginData(
      { scope: "card", idModel: cards.dana },
      { stakeholder: stakeholder("Dana Ruiz", "client", 7), log: logAt(daysAgo(10)) },
    );
    h.sim.setPluginData(
      { scope: "card", idModel: cards.northwind },
      { stakeholder: stakeholder("Northwind", "partner", 14), log: logAt(daysAgo(1)) },
    );
    h.sim.setPluginData(
      { scope: "card", idModel: cards.broken },
      { stakeholder: { ...stakeholder("Broken", "client", 7), cadenceDays: "weekly" } },
    );
    h.sim.setPluginData(
      { scope: "card", idModel: cards.archived },
      { stakeholder: stakeholder("Old sponsor", "sponsor", 30) },
    );
    h.sim.archiveCard(cards.archived);
    h.sim.setPluginData(
      { scope: "board", idModel: boardId },
      {
        settings: {
          v: 1,
          timezone: "Asia/Kolkata",
          doneLists: [],
          sprintDays: 14,
          reportAudience: "client",
          reportOnMonthClose: true,
        },
      },
    );
    expect((await h.connect(boardId)).status).toBe(202);
    await h.settle();
  });
  afterAll(async () => {
    await h.close();
  });

  const get = async (id: string, jwtBoard = id) =>
    fetch(`${h.baseUrl}/api/boards/${id}/stakeholders`, {
      headers: { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: jwtBoard })}` },
    });

  it("answers the registry from the store: each stakeholder with its update state, unreadable records in words, archived cards left out", async () => {
    const res = await get(boardId);
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body.timeZone).toBe("Asia/Kolkata");
    expect(body.stakeholders.map((s: any) => [s.cardName, s.status])).toEqual([
      ["Dana Ruiz — ACME", "ok"],
      ["Hand-edited", "invalid"],
      ["Northwind", "ok"],
    ]);
    const [dana, broken, northwind] = body.stakeholders;
    expect(broken.message).toMatch(/cadenceDays: Update cadence must be a whole number/);
    expect(dana.update).toMatchObject({ overdue: true, overdueDays: 3 });
    expect(dana.openInitiation).toEqual(["Roles and responsibilities agreed", "Scope boundaries acknowledged"]);
    expect(northwind.update).toMatchObject({ overdue: false, overdueDays: 0 });
  });

  it("carries the board settings the Power-Up saved into the report's time zone", () => {
    expect(h.store.boardSettings.get(boardId)).toEqual({ boardId, timezone: "Asia/Kolkata", doneListIds: null });
  });

  const download = async (format: string) =>
    fetch(`${h.baseUrl}/api/boards/${boardId}/stakeholders/export?format=${format}`, {
      headers: { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}` },
    });

  it("exports the register as CSV with every field, a row per stakeholder card, unreadable records saying why", async () => {
    const res = await download("csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?stakeholder-register-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const [header, ...rows] = parse(await res.text()) as string[][];
    expect(header).toEqual([...REGISTER_COLUMNS]);
    const byName = new Map(
      rows.map((row) => [
        row[REGISTER_COLUMNS.indexOf("Card")],
        Object.fromEntries(header!.map((column, i) => [column, row[i]])),
      ]),
    );
    expect([...byName.keys()]).toEqual(["Dana Ruiz — ACME", "Hand-edited", "Northwind"]);
    expect(byName.get("Dana Ruiz — ACME")).toMatchObject({
      Name: "Dana Ruiz",
      Type: "client",
      Channel: "email",
      "Update cadence (days)": "7",
      "Buy-in": "supporter",
      Status: "active",
      "Communication platform agreed": "yes",
      "Roles and responsibilities agreed": "no",
      "Update overdue (days)": "3",
      "Card id": cards.dana,
    });
    expect(byName.get("Hand-edited")!["Record problem"]).toMatch(/Update cadence must be a whole number/);
  });

  it("exports the same register as an XLSX workbook, and refuses another format in the error shape", async () => {
    const res = await download("xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Stakeholders")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...REGISTER_COLUMNS]);
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual(["Dana Ruiz", "client"]);

    const refused = await download("pdf");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: { code: "BAD_REQUEST", message: expect.stringMatching(/format.*csv or xlsx/) },
    });
  });

  it("refuses a JWT for another board with 403 and an unconnected board with 404", async () => {
    const other = h.sim.createBoard({ name: "Other", lists: ["To Do"] }).id as string;
    expect((await get(boardId, other)).status).toBe(403);
    const res = await get(other);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe("NOT_CONNECTED");
  });
});
