import path from "node:path";
import { DEMO_TIME_ZONE } from "../../../scripts/demo/demo-calendar";
import { runDemo, type RunningDemo } from "../../../scripts/demo/run-demo";
import { OUTBOX_PATH } from "../../../scripts/outbox/create-outbox-router";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import { launchBrowser, saveScreenshot } from "../../support/browser";
import { makeTempDir } from "../../support/test-app";

jest.setTimeout(120_000);

/** The month before now in the demo board's zone: the month a PM sends. */
function previousMonth(now: number): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: DEMO_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
  })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

async function until<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the demo: a PM sends Northwind (partner, email) the monthly report", () => {
  const temp = makeTempDir();
  let demo: RunningDemo;
  beforeAll(async () => {
    const config = loadConfig({ PORT: "0", DATABASE_PATH: path.join(temp.dir, "demo.db"), LOG_LEVEL: "silent" });
    demo = await runDemo(config, createLogger("silent"), { write: () => undefined });
  }, 120_000);
  afterAll(async () => {
    await demo?.close();
    temp.remove();
  });

  async function api(method: string, route: string, body?: unknown): Promise<any> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await demo.sim.mintJwt({ idBoard: demo.board.boardId })}`,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${demo.serviceUrl}/api/boards/${demo.board.boardId}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
    return res.json();
  }

  it("arrives in the Outbox as the partner copy with the PDF and a link that shows the partner copy only until revoked; the send is logged", async () => {
    const snapshot = await api("POST", "/reports", {
      month: previousMonth(Date.now()),
      audience: "partner",
      party: "Northwind",
      timezone: DEMO_TIME_ZONE,
    });
    const { results } = await api("POST", `/reports/${snapshot.id}/send`);
    expect(results.map((r: any) => [r.name, r.outcome])).toEqual([["Jonas Berg", "queued"]]);

    const mail = await until("Jonas's email in the Outbox", () =>
      demo.outbox.all().find((m) => m.to.includes("jonas.berg@northwind.example")),
    );
    expect(mail).toMatchObject({ transport: "email", audience: "partner" });
    expect(mail.subject).toContain("(Northwind)");
    expect(mail.html).toContain("Hello Jonas Berg");
    expect(mail.attachments.map((a) => a.contentType)).toContain("application/pdf");
    const link = mail.links.find((l) => l.includes("/share/"))!;
    const view = await fetch(link);
    expect(view.status).toBe(200);
    const page = await view.text();
    expect(page).toContain("Partner report for Northwind");
    expect(page).toContain("Jonas Berg");
    // The partner copy only: no ACME people, and none of our own assessments of Jonas (his escalation).
    const everything = [mail.subject, mail.text, mail.html, page].join("\n");
    for (const other of [
      "Dana Ruiz",
      "Marek Fischer",
      "Sandbox credentials for the shipping API three weeks late",
      "Buy-in",
      "supporter",
      "Escalat",
    ]) {
      expect(everything).not.toContain(other);
    }

    // The send is recorded as sent in the board's deliveries (what Jonas's log and badge count).
    const end = Date.now() + 30_000;
    let status = "";
    while (status !== "sent" && Date.now() < end) {
      const { deliveries } = await api("GET", "/deliveries");
      status =
        deliveries.find((d: any) => d.kind === "report" && d.to === "jonas.berg@northwind.example")?.status ?? "";
      if (status !== "sent") await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe("sent");

    const browser = await launchBrowser();
    try {
      const outboxPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await outboxPage.goto(`${demo.serviceUrl}${OUTBOX_PATH}`);
      await outboxPage.getByText(mail.subject).first().waitFor();
      await saveScreenshot(outboxPage, "demo-outbox-northwind-report");
      const shared = await (await browser.newContext()).newPage();
      await shared.goto(link);
      await saveScreenshot(shared, "demo-share-northwind");
    } finally {
      await browser.close();
    }

    const links = await api("GET", `/reports/${snapshot.id}/share-links`);
    const jonasLink = links.links.find((l: any) => l.label === "Jonas Berg");
    expect(jonasLink.openCount).toBeGreaterThanOrEqual(1);
    await api("DELETE", `/reports/${snapshot.id}/share-links/${jonasLink.id}`);
    expect((await fetch(link)).status).toBe(410);
  });
});
