import { loadMonthlyReport } from "../../../server/reports/load-monthly-report";
import { seedMarchBoard } from "../../support/seed-march-board";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

const json = (res: Response): Promise<any> => res.json();

describe("GET /api/boards/:boardId/reports/monthly", () => {
  let h: ServiceWithSim;
  let boardId: string;
  beforeAll(async () => {
    h = await startServiceWithSim();
    boardId = seedMarchBoard(h.sim, 6).boardId;
    expect((await h.connect(boardId)).status).toBe(202);
    await h.settle();
  });
  afterAll(async () => {
    await h.close();
  });

  async function monthly(query: string, options: { board?: string; jwt?: string | null } = {}): Promise<Response> {
    const board = options.board ?? boardId;
    const jwt = options.jwt === undefined ? await h.sim.mintJwt({ idBoard: board }) : options.jwt;
    return fetch(`${h.baseUrl}/api/boards/${board}/reports/monthly${query}`, { headers: jwt ? { authorization: `Bearer ${jwt}` } : {} });
  }

  it("When asked for a month, then it answers the same JSON as the report CLI's loadMonthlyReport", async () => {
    const res = await monthly("?month=2026-03");

    expect(res.status).toBe(200);
    const report = await json(res);
    expect(report).toEqual(loadMonthlyReport(h.store, { boardId, month: "2026-03" }));
    expect(report).toMatchObject({ period: { month: "2026-03", timezone: "UTC" }, cards: { created: 6, completed: 3 }, comments: 6 });
  });

  it("When given a time zone, then the month's bounds are that zone's", async () => {
    const res = await monthly("?month=2026-03&timezone=Pacific/Chatham");

    const report = await json(res);
    expect(report).toEqual(loadMonthlyReport(h.store, { boardId, month: "2026-03", timezone: "Pacific/Chatham" }));
    expect(report.period).toMatchObject({ timezone: "Pacific/Chatham", start: "2026-02-28T10:15:00.000Z" });
  });

  it.each([
    ["a missing month", "", "query.month: is required, as YYYY-MM"],
    ["a month that is not YYYY-MM", "?month=2026-3", "query.month: must be YYYY-MM (e.g. 2026-03)"],
    ["month 13", "?month=2026-13", "query.month: must be YYYY-MM (e.g. 2026-03)"],
    ["a month given twice", "?month=2026-03&month=2026-04", "query.month: must be given once, as YYYY-MM"],
    ["an unknown time zone", "?month=2026-03&timezone=Mars/Olympus_Mons", "query.timezone: must be an IANA time zone (e.g. Europe/Berlin)"],
    ["an empty time zone", "?month=2026-03&timezone=", "query.timezone: must be an IANA time zone (e.g. Europe/Berlin)"],
  ])("refuses %s with 400 naming the parameter", async (_what, query, message) => {
    const res = await monthly(query);

    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: { code: "BAD_REQUEST", message } });
  });

  it("refuses a request without a JWT with 401", async () => {
    const res = await monthly("?month=2026-03", { jwt: null });
    expect(res.status).toBe(401);
    expect((await json(res)).error.code).toBe("JWT_MISSING");
  });

  it("refuses a JWT for another board with 403", async () => {
    const res = await monthly("?month=2026-03", { jwt: await h.sim.mintJwt({ idBoard: "5e93ba98614ac22d22f085c4" }) });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe("WRONG_BOARD");
  });

  it("When the board has no synced data, then it answers 404", async () => {
    const res = await monthly("?month=2026-03", { board: "5e93ba98614ac22d22f085c4" });
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("NOT_FOUND");
  });
});
