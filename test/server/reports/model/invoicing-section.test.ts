import { monthPeriod } from "../../../../shared/month-period";
import { buildInvoicingSection } from "../../../../server/reports/model/invoicing-section";
import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { reportDays } from "../../../../server/reports/model/report-days";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

const { board } = marchLoopBoard();
afterAll(() => board.close());
const invoicing = (month: string) =>
  loadReportModel(board.store, { boardId: board.boardId, month, audience: "internal", now: APRIL_10 }).invoicing;

describe("invoicing section", () => {
  it("lists invoices issued and paid in March and those overdue at its end", () => {
    const i = invoicing("2026-03");
    expect(i.issued.map((r) => [r.number, r.status])).toEqual([
      ["INV-1", "paid"],
      ["INV-4", "overdue"],
      ["INV-3", "open"],
    ]);
    expect(i.paid.map((r) => [r.number, r.paidOn, r.milestone])).toEqual([["INV-1", "2026-03-14", "Discovery report"]]);
    // INV-4 was paid on 2 April: unpaid and past due on 31 March.
    expect(i.overdue.map((r) => [r.number, r.paidOn])).toEqual([
      ["INV-2", undefined],
      ["INV-4", undefined],
    ]);
  });

  it("totals each currency on its own", () => {
    expect(invoicing("2026-03").totals).toEqual([
      { currency: "EUR", issued: 12500, paid: 10000, overdue: 0 },
      { currency: "USD", issued: 3000, paid: 0, overdue: 8000 },
    ]);
    expect(invoicing("2026-04").totals).toEqual([{ currency: "USD", issued: 0, paid: 3000, overdue: 5000 }]);
  });
});

describe("invoicing totals", () => {
  it("add amounts in cents, so 0.10 and 0.20 make 0.30 exactly", () => {
    const period = monthPeriod("2026-03", "UTC");
    const invoice = (id: string, amount: number) => ({
      id,
      name: `Invoice ${id}`,
      archived: false,
      data: {
        invoice: { v: 1, number: `INV-${id}`, amount, currency: "EUR", issuedOn: "2026-03-02", dueOn: "2026-04-30" },
      },
    });
    const section = buildInvoicingSection(
      [invoice("a1", 0.1), invoice("a2", 0.2)],
      new Map(),
      reportDays(period, new Date(APRIL_10)),
    );
    expect(section.totals).toEqual([{ currency: "EUR", issued: 0.3, paid: 0, overdue: 0 }]);
  });
});
