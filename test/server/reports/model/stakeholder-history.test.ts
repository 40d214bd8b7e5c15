import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { renderMarkdown } from "../../../../server/reports/render/render-markdown";
import { renderCsvTables } from "../../../../server/reports/render/render-csv";
import { renderReportFormat } from "../../../../server/reports/render/render-report-format";
import { APRIL_2, twoPartyBoard } from "./two-party-board";

const { board, ids } = twoPartyBoard();
afterAll(() => board.close());
const march = () =>
  loadReportModel(board.store, { boardId: board.boardId, month: "2026-03", audience: "internal", now: APRIL_2 });

describe("stakeholder history in the report", () => {
  it("reports a buy-in move whose earlier value was first seen in the same month, on the day it was seen", () => {
    const { stakeholders } = march();
    expect(stakeholders.moves.filter((m) => m.kind === "buy-in")).toEqual([
      {
        cardId: ids.ada.id,
        stakeholder: "Ada Client",
        on: "2026-03-18",
        kind: "buy-in",
        from: "neutral",
        to: "opponent",
      },
    ]);
    expect(stakeholders.rows.find((r) => r.name === "Ada Client")).toMatchObject({
      buyIn: "opponent",
      buyInBefore: "neutral",
    });
  });

  it("reports becoming difficult with its reason, and lists the difficult with theirs", () => {
    const { stakeholders } = march();
    expect(stakeholders.moves.find((m) => m.kind === "difficult")).toEqual({
      cardId: ids.ada.id,
      stakeholder: "Ada Client",
      on: "2026-03-18",
      kind: "difficult",
      reason: "Rewrites the brief (Narwhal)",
    });
    expect(stakeholders.difficult).toEqual([
      { cardId: ids.ada.id, stakeholder: "Ada Client", reason: "Rewrites the brief (Narwhal)" },
    ]);
  });

  it("reports an escalation opened and resolved on the record's own dates, with the lead", () => {
    const moves = march().stakeholders.moves.filter((m) => m.stakeholder === "Bo Client");
    expect(moves).toEqual([
      {
        cardId: ids.bo.id,
        stakeholder: "Bo Client",
        on: "2026-03-10",
        kind: "escalated",
        lead: "technical",
        leadName: "Hopper Test",
        reason: "Threatens to cancel (Zanzibar)",
      },
      {
        cardId: ids.bo.id,
        stakeholder: "Bo Client",
        on: "2026-03-25",
        kind: "escalation-resolved",
        lead: "technical",
        leadName: "Hopper Test",
        reason: "Threatens to cancel (Zanzibar)",
      },
    ]);
  });

  it("no longer calls a stakeholder escalated once the escalation is resolved, nor counts it open", () => {
    const model = march();
    expect(model.stakeholders.rows.find((r) => r.name === "Bo Client")!.status).toBe("active");
    expect(model.stakeholders.escalations).toEqual([
      expect.objectContaining({ stakeholder: "Bo Client", resolvedOn: "2026-03-25" }),
    ]);
    expect(model.summary.statusReason).not.toMatch(/escalation open/);
    // Mid-month, before the resolution, the same record is still escalated.
    const midMonth = loadReportModel(board.store, {
      boardId: board.boardId,
      month: "2026-03",
      audience: "internal",
      now: Date.parse("2026-03-20T12:00:00Z"),
    });
    expect(midMonth.stakeholders.rows.find((r) => r.name === "Bo Client")!.status).toBe("escalated");
  });

  it("reports a release with its date and reason, and a released stakeholder is owed no update", () => {
    const model = march();
    expect(model.stakeholders.moves.find((m) => m.kind === "released")).toEqual({
      cardId: ids.rae.id,
      stakeholder: "Rae Client",
      on: "2026-03-12",
      kind: "released",
      reason: "Left the company (Quetzal)",
    });
    const rae = model.stakeholders.rows.find((r) => r.name === "Rae Client")!;
    expect(rae).toMatchObject({ status: "released", overdueDays: 0 });
    expect(rae.lastUpdateAt).toBeUndefined();
    // Ada and Gil never had an update and Bo's weekly one is late; Rae, never updated but released, is owed none.
    expect(model.summary.statusReason).toMatch(/3 stakeholders owed an update/);
    expect(model.stakeholders.rows.filter((r) => r.lastUpdateAt === undefined).map((r) => r.name)).toEqual([
      "Ada Client",
      "Gil Partner",
      "Rae Client",
    ]);
  });

  it("leaves a released stakeholder out of their party's copy, which lists the people still in the loop, in every format", async () => {
    const client = loadReportModel(board.store, {
      boardId: board.boardId,
      month: "2026-03",
      audience: "client",
      now: APRIL_2,
    });
    expect(client.party).toBe("Acme Corp");
    expect(client.stakeholders.rows.map((r) => r.name)).toEqual(["Ada Client", "Bo Client"]);
    expect(client.stakeholders.moves).toEqual([]);
    const outputs = [...renderCsvTables(client).map((table) => table.csv)];
    for (const format of ["json", "html", "md"] as const)
      outputs.push(String((await renderReportFormat(client, format)).body));
    for (const output of outputs) expect(output).not.toContain("Rae Client");
    expect(outputs.join("")).toContain("Bo Client");
    // The internal copy keeps Rae, released and owed nothing.
    expect(march().stakeholders.rows.find((r) => r.name === "Rae Client")).toMatchObject({
      status: "released",
      overdueDays: 0,
    });
  });

  it("shows the moves as a table in the rendered report", () => {
    const section = renderMarkdown(march()).split("## 5. Stakeholders")[1]!.split("## 6.")[0]!;
    expect(section).toContain("**Moves this month**");
    expect(section).toContain("| 18 Mar 2026 | Ada Client | Buy-in moved | Neutral to Opponent |");
    expect(section).toContain("| 12 Mar 2026 | Rae Client | Released | Left the company (Quetzal) |");
    expect(section).toContain("- Ada Client: Rewrites the brief (Narwhal)");
  });
});
