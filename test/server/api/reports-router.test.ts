import { loadMonthlyReport } from "../../../server/reports/load-monthly-report";
import { seedMarchBoard } from "../../support/seed-march-board";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

const json = (res: Response): Promise<any> => res.json();

const OTHER_BOARD = "5e93ba98614ac22d22f085c4";

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

describe("GET /api/boards/:boardId/reports/monthly", () => {
  async function monthly(query: string, options: { board?: string; jwt?: string | null } = {}): Promise<Response> {
    const board = options.board ?? boardId;
    const jwt = options.jwt === undefined ? await h.sim.mintJwt({ idBoard: board }) : options.jwt;
    return fetch(`${h.baseUrl}/api/boards/${board}/reports/monthly${query}`, {
      headers: jwt ? { authorization: `Bearer ${jwt}` } : {},
    });
  }

  it("When asked for a month, then it answers the same JSON as the report CLI's loadMonthlyReport", async () => {
    const res = await monthly("?month=2026-03");

    expect(res.status).toBe(200);
    const report = await json(res);
    expect(report).toEqual(loadMonthlyReport(h.store, { boardId, month: "2026-03" }));
    expect(report).toMatchObject({
      period: { month: "2026-03", timezone: "UTC" },
      cards: { created: 6, completed: 3 },
      comments: 6,
    });
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
    [
      "an unknown time zone",
      "?month=2026-03&timezone=Mars/Olympus_Mons",
      "query.timezone: must be an IANA time zone (e.g. Europe/Berlin)",
    ],
    [
      "an empty time zone",
      "?month=2026-03&timezone=",
      "query.timezone: must be an IANA time zone (e.g. Europe/Berlin)",
    ],
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
    const res = await monthly("?month=2026-03", { jwt: await h.sim.mintJwt({ idBoard: OTHER_BOARD }) });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe("WRONG_BOARD");
  });

  it("When the board has no synced data, then it answers 404", async () => {
    const res = await monthly("?month=2026-03", { board: OTHER_BOARD });
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("NOT_FOUND");
  });
});

describe("report snapshots: POST and GET /api/boards/:boardId/reports[/:snapshotId]", () => {
  async function call(
    method: string,
    path: string,
    options: { board?: string; jwt?: string | null; body?: unknown } = {},
  ): Promise<Response> {
    const board = options.board ?? boardId;
    const jwt = options.jwt === undefined ? await h.sim.mintJwt({ idBoard: board }) : options.jwt;
    const headers: Record<string, string> = jwt ? { authorization: `Bearer ${jwt}` } : {};
    if (options.body !== undefined) headers["content-type"] = "application/json";
    return fetch(`${h.baseUrl}/api/boards/${board}/reports${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }
  const generate = (body: unknown, options: { board?: string; jwt?: string | null } = {}) =>
    call("POST", "", { ...options, body });

  it("When a member generates a month, then it answers 201 with the snapshot's metadata, made by that member", async () => {
    const res = await generate({ month: "2026-03", audience: "internal" });

    expect(res.status).toBe(201);
    const meta = await json(res);
    expect(meta).toMatchObject({
      boardId,
      month: "2026-03",
      timezone: "UTC",
      audience: "internal",
      createdBy: h.simInfo.memberId,
    });
    expect(meta.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.links.pdf).toBe(`/api/boards/${boardId}/reports/${meta.id}?format=pdf`);
    expect(meta).not.toHaveProperty("html");
  });

  it("When a month is generated again, then it is the next version and both are listed, newest first", async () => {
    const first = await json(await generate({ month: "2026-02", audience: "client", timezone: "Pacific/Chatham" }));
    const second = await json(await generate({ month: "2026-02", audience: "client", timezone: "Pacific/Chatham" }));

    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.contentHash).toBe(first.contentHash);
    const listed = await json(await call("GET", ""));
    const february = listed.snapshots
      .filter((s: any) => s.month === "2026-02")
      .map((s: any) => [s.version, s.timezone, s.audience]);
    expect(february).toEqual([
      [2, "Pacific/Chatham", "client"],
      [1, "Pacific/Chatham", "client"],
    ]);
  });

  it("serves each format with its content type and a download file name; the HTML in place, sandboxed", async () => {
    const meta = await json(await generate({ month: "2026-03", audience: "client" }));
    const get = (query: string) => call("GET", `/${meta.id}${query}`);
    const base = `monthly-report-2026-03-client-v${meta.version}`;

    const asJson = await get("?format=json");
    expect(asJson.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(asJson.headers.get("content-disposition")).toBe(`attachment; filename=${base}.json`);
    expect(await json(asJson)).toMatchObject({
      audience: "client",
      period: { month: "2026-03" },
      cards: { created: 6, completed: 3 },
      comments: 6,
    });

    const html = await get("?format=html");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-disposition")).toBe(`inline; filename=${base}.html`);
    expect(html.headers.get("content-security-policy")).toMatch(/^sandbox;/);
    expect(await html.text()).toContain("ACME rollout");

    const md = await get("?format=md");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await md.text()).toMatch(/^#.*ACME rollout/m);

    const pdf = await get("?format=pdf&paper=Letter");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename=${base}-letter.pdf`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");

    const zip = await get("?format=csv");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    const table = await get("?format=csv&table=throughput");
    expect(table.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(table.headers.get("content-disposition")).toBe(`attachment; filename=${base}-throughput.csv`);
    expect((await table.text()).split("\n").length).toBeGreaterThan(1);
  });

  it.each([
    ["a missing month", { audience: "internal" }, "body.month: is required, as YYYY-MM"],
    ["month 13", { month: "2026-13", audience: "internal" }, "body.month: must be YYYY-MM (e.g. 2026-03)"],
    [
      "an unknown audience",
      { month: "2026-03", audience: "board" },
      'body.audience: must be "internal", "client", "partner"',
    ],
    [
      "an unknown time zone",
      { month: "2026-03", audience: "internal", timezone: "Mars/Olympus_Mons" },
      "body.timezone: must be an IANA time zone (e.g. Europe/Berlin)",
    ],
    [
      "a PM note for a client",
      { month: "2026-03", audience: "client", pmNote: "Bob is difficult" },
      "body.pmNote: is for internal reports only: a client or partner copy never shows the PM note",
    ],
    [
      "a PM note for a partner",
      { month: "2026-03", audience: "partner", pmNote: "x" },
      "body.pmNote: is for internal reports only: a client or partner copy never shows the PM note",
    ],
  ])("refuses to generate with %s: 400 naming the field, nothing stored", async (_what, body, message) => {
    const before = h.store.reportSnapshots.listBoard(boardId).length;
    const res = await generate(body);

    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: { code: "INVALID_PAYLOAD", message } });
    expect(h.store.reportSnapshots.listBoard(boardId)).toHaveLength(before);
  });

  it("refuses a month that has not begun with 400 and stores nothing, rather than calling its milestones missed", async () => {
    const before = h.store.reportSnapshots.listBoard(boardId).length;
    const next = new Date();
    next.setUTCMonth(next.getUTCMonth() + 2);
    const month = next.toISOString().slice(0, 7);
    const res = await generate({ month, audience: "internal" });
    expect(res.status).toBe(400);
    expect(((await json(res)) as { error: { message: string } }).error.message).toBe(
      `${month} has not begun yet in UTC: a report covers the current month or one before it`,
    );
    expect(h.store.reportSnapshots.listBoard(boardId)).toHaveLength(before);
  });

  it("refuses an unknown format or paper with 400 naming the parameter", async () => {
    const meta = await json(await generate({ month: "2026-03", audience: "internal" }));
    const docx = await call("GET", `/${meta.id}?format=docx`);
    expect(docx.status).toBe(400);
    expect((await json(docx)).error.message).toBe("query.format: must be one of json, html, md, csv, pdf");
    const paper = await call("GET", `/${meta.id}?format=pdf&paper=A3`);
    expect(paper.status).toBe(400);
    expect((await json(paper)).error.message).toBe('query.paper: must be "A4" or "Letter"');
    const table = await call("GET", `/${meta.id}?format=csv&table=gossip`);
    expect(table.status).toBe(400);
    expect((await json(table)).error.message).toMatch(/Unknown CSV table "gossip"/);
  });

  it("refuses every snapshot route without a JWT (401) or with a JWT for another board (403)", async () => {
    const meta = await json(await generate({ month: "2026-03", audience: "internal" }));
    const otherJwt = await h.sim.mintJwt({ idBoard: OTHER_BOARD });
    for (const [method, path, body] of [
      ["POST", "", { month: "2026-03", audience: "internal" }],
      ["GET", "", undefined],
      ["GET", `/${meta.id}?format=html`, undefined],
    ] as const) {
      const missing = await call(method, path, { jwt: null, body });
      expect([missing.status, (await json(missing)).error.code]).toEqual([401, "JWT_MISSING"]);
      const wrong = await call(method, path, { jwt: otherJwt, body });
      expect([wrong.status, (await json(wrong)).error.code]).toEqual([403, "WRONG_BOARD"]);
    }
  });

  it("answers 404 for another board's snapshot, an unknown id, and generating for a board with no synced data", async () => {
    const meta = await json(await generate({ month: "2026-03", audience: "internal" }));
    const stored = h.store.reportSnapshots.get(boardId, meta.id)!;
    const foreign = h.store.reportSnapshots.insert({ ...stored, id: "foreign-snapshot", boardId: OTHER_BOARD })!;

    const viaOtherRoute = await call("GET", `/${meta.id}`, { board: OTHER_BOARD });
    expect([viaOtherRoute.status, (await json(viaOtherRoute)).error.code]).toEqual([404, "NOT_FOUND"]);
    const foreignHere = await call("GET", `/${foreign.id}?format=html`);
    expect(foreignHere.status).toBe(404);
    expect((await call("GET", "/no-such-snapshot")).status).toBe(404);
    expect((await json(await call("GET", "", { board: OTHER_BOARD }))).snapshots.map((s: any) => s.id)).toEqual([
      "foreign-snapshot",
    ]);
    expect((await json(await call("GET", ""))).snapshots.map((s: any) => s.id)).not.toContain("foreign-snapshot");

    const noData = await generate({ month: "2026-03", audience: "internal" }, { board: "6a11ba98614ac22d22f085c5" });
    expect([noData.status, (await json(noData)).error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("renders a stored version-2 snapshot's PDF and CSV, and refuses one it cannot read with 422 and a coded error, keeping it stored", async () => {
    const meta = await json(await generate({ month: "2026-03", audience: "internal" }));
    const stored = h.store.reportSnapshots.get(boardId, meta.id)!;
    const model = JSON.parse(stored.modelJson);
    const { cycleTimeDistribution: _dropped, ...flowV2 } = model.flow;
    const v2 = h.store.reportSnapshots.insert({
      ...stored,
      id: "v2-snapshot",
      modelJson: JSON.stringify({ ...model, schemaVersion: 2, flow: flowV2 }),
    })!;
    const pdf = await call("GET", `/${v2.id}?format=pdf`);
    expect([pdf.status, pdf.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    expect((await call("GET", `/${v2.id}?format=csv&table=throughput`)).status).toBe(200);

    const cases = [
      {
        id: "v1-snapshot",
        modelJson: JSON.stringify({ ...model, schemaVersion: 1 }),
        code: "SNAPSHOT_VERSION_UNSUPPORTED",
      },
      {
        id: "broken-snapshot",
        modelJson: JSON.stringify({ ...model, flow: { ...model.flow, throughputByWeek: "many" } }),
        code: "SNAPSHOT_UNREADABLE",
      },
      { id: "cut-snapshot", modelJson: stored.modelJson.slice(0, 100), code: "SNAPSHOT_UNREADABLE" },
    ];
    for (const { id, modelJson, code } of cases) {
      h.store.reportSnapshots.insert({ ...stored, id, modelJson });
      for (const format of ["pdf", "csv"]) {
        const res = await call("GET", `/${id}?format=${format}`);
        const body = await json(res);
        expect([res.status, body.error.code]).toEqual([422, code]);
        expect(body.error.message).toMatch(/snapshot/);
      }
      expect(h.store.reportSnapshots.get(boardId, id)!.modelJson).toBe(modelJson);
    }
  });
});

describe("POST /api/boards/:boardId/reports for a client or partner: the party", () => {
  let partiesBoard: string;
  beforeAll(async () => {
    const board = h.sim.createBoard({
      name: "Three parties",
      lists: ["Stakeholders", "Done"],
      at: "2026-03-01T09:00:00Z",
    });
    partiesBoard = board.id as string;
    const list = (board.lists as { id: string }[])[0]!.id;
    const person = (name: string, type: string, org: string) => {
      const id = h.sim.createCard(list, { name, at: "2026-03-01T10:00:00Z" }).id as string;
      h.sim.setPluginData(
        { scope: "card", idModel: id },
        {
          stakeholder: {
            v: 1,
            name,
            type,
            org,
            influence: "high",
            interest: "high",
            channel: "email",
            cadenceDays: 7,
            buyIn: "neutral",
            status: "active",
            initiation: { platform: true, roles: true, reviews: true, scope: true },
          },
        },
      );
    };
    person("Ada", "client", "Acme");
    person("Ina", "client", "Initech");
    person("Gil", "partner", "Globex");
    expect((await h.connect(partiesBoard)).status).toBe(202);
    await h.settle();
  });

  const generate = async (body: unknown) =>
    fetch(`${h.baseUrl}/api/boards/${partiesBoard}/reports`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await h.sim.mintJwt({ idBoard: partiesBoard })}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    });

  it("When the board has one party of the kind, then {month, audience} is enough: the report and its snapshot are that party's", async () => {
    const res = await generate({ month: "2026-03", audience: "partner" });

    expect(res.status).toBe(201);
    const meta = await json(res);
    expect(meta).toMatchObject({ audience: "partner", party: "Globex", version: 1 });
    const model = JSON.parse(h.store.reportSnapshots.get(partiesBoard, meta.id)!.modelJson);
    expect(model).toMatchObject({ audience: "partner", party: "Globex" });
    expect(model.stakeholders.rows.map((r: any) => r.name)).toEqual(["Gil"]);
  });

  it("When the board has several and none is named, then 400 names `party` and lists the choices, and nothing is stored", async () => {
    const before = h.store.reportSnapshots.listBoard(partiesBoard).length;

    const res = await generate({ month: "2026-03", audience: "client" });

    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({
      error: {
        code: "BAD_REQUEST",
        message: 'party is required: this board has 2 clients, choose one of "Acme", "Initech"',
      },
    });
    expect(h.store.reportSnapshots.listBoard(partiesBoard)).toHaveLength(before);
  });

  it("When a party is named (in any case), then the report is that party's, versioned apart from the other party's", async () => {
    const initech = await json(await generate({ month: "2026-03", audience: "client", party: "initech " }));
    const acme = await json(await generate({ month: "2026-03", audience: "client", party: "Acme" }));

    expect([initech.party, initech.version, acme.party, acme.version]).toEqual(["Initech", 1, "Acme", 1]);
    const model = JSON.parse(h.store.reportSnapshots.get(partiesBoard, initech.id)!.modelJson);
    expect(model.stakeholders.rows.map((r: any) => r.name)).toEqual(["Ina"]);
  });

  it.each([
    [
      "a party that is not a client of the board",
      { audience: "client", party: "Globex" },
      'party "Globex" is not a client of this board: choose one of "Acme", "Initech"',
    ],
    [
      "a party for an internal report",
      { audience: "internal", party: "Acme" },
      "party is only for client and partner reports: an internal report covers every party",
    ],
  ])("refuses %s with 400", async (_what, body, message) => {
    const res = await generate({ month: "2026-03", ...body });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: { code: "BAD_REQUEST", message } });
  });
});
