import path from "node:path";
import { DEMO_TIME_ZONE } from "../../../scripts/demo/demo-calendar";
import { runDemo, type RunningDemo } from "../../../scripts/demo/run-demo";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import { monthPeriod } from "../../../shared/month-period";
import { TEMPLATE_LISTS } from "../../../shared/board-template";
import { launchBrowser, openPage, saveScreenshot } from "../../support/browser";
import { makeTempDir } from "../../support/test-app";

jest.setTimeout(120_000);

/** The current and the previous month in the board's time zone. */
function months(now: number): string[] {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: DEMO_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
  }).format(now);
  const [year, month] = today.split("-").map(Number) as [number, number];
  return [today, month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`];
}

describe("the demo's current and previous month reports", () => {
  const temp = makeTempDir();
  let demo: RunningDemo;
  let banner = "";
  beforeAll(async () => {
    const config = loadConfig({ PORT: "0", DATABASE_PATH: path.join(temp.dir, "demo.db"), LOG_LEVEL: "silent" });
    demo = await runDemo(config, createLogger("silent"), {
      write: (text) => void (banner += text),
      logFile: "/tmp/demo.log",
    });
  }, 120_000);
  afterAll(async () => {
    await demo?.close();
    temp.remove();
  });

  /** Generates the month's internal report through the API, as the Power-Up does, and reads it back as JSON. */
  async function report(month: string): Promise<any> {
    const headers = {
      authorization: `Bearer ${await demo.sim.mintJwt({ idBoard: demo.board.boardId })}`,
      "content-type": "application/json",
    };
    const made = await fetch(`${demo.serviceUrl}/api/boards/${demo.board.boardId}/reports`, {
      method: "POST",
      headers,
      body: JSON.stringify({ month, audience: "internal", timezone: DEMO_TIME_ZONE }),
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    return (
      await fetch(`${demo.serviceUrl}/api/boards/${demo.board.boardId}/reports/${id}?format=json`, { headers })
    ).json();
  }

  it("prints a banner with one URL per line and no token", () => {
    const urls = banner.split("\n").filter((line) => /https?:\/\//.test(line));
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const line of urls.filter((l) => !l.includes("npm run"))) expect(line.trim()).toMatch(/^https?:\/\/\S+$/);
    expect(banner).not.toMatch(/token=/);
    expect(banner).toContain(`${demo.serviceUrl}/dev-host/?board=${demo.board.boardId}`);
    expect(banner).toContain("Logs: /tmp/demo.log");
  });

  it("opens the seeded board in the dev host from the banner's URL: the workflow's lists, the Power-Up's buttons and badges", async () => {
    const browser = await launchBrowser();
    try {
      const { page, errors } = await openPage(browser, `${demo.serviceUrl}/dev-host/?board=${demo.board.boardId}`);
      await page.setViewportSize({ width: 1800, height: 860 });
      await page.getByRole("button", { name: "Monthly report" }).waitFor();
      const lists = (await page.locator(".list h2").allTextContents()).map((name) =>
        name.replace(/^\P{L}+/u, "").trim(),
      );
      expect(lists).toEqual(expect.arrayContaining([...TEMPLATE_LISTS]));
      await page.locator(".card-tile .badge").first().waitFor();
      expect(await page.locator(".card-tile .badge").count()).toBeGreaterThan(10);
      // What a newcomer sees first (the README's picture): the window, not the Done list's whole length.
      await saveScreenshot(page, "demo-board", { fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.each([0, 1])("month %i back: every section filled, and the figures agree with the seeded board", async (back) => {
    const month = months(demo.seededAt)[back]!;
    const json = await report(month);
    const period = monthPeriod(month, DEMO_TIME_ZONE);
    const within = (date: string) => Date.parse(date) >= period.startMs && Date.parse(date) < period.endMs;
    const data = (action: { data: unknown }) =>
      action.data as { card?: { id: string }; list?: { id: string }; listAfter?: { id: string } };
    // Cards Loop makes itself (stakeholder and sprint cards) and their comments are not delivery work: the report leaves them out.
    const loopOwn = (cardId: string | undefined) => {
      const card = cardId ? demo.sim.getPluginData({ scope: "card", idModel: cardId }) : {};
      return "stakeholder" in card || "sprint" in card;
    };
    const actions = demo.sim
      .boardActions(demo.board.boardId)
      .filter((action) => within(action.date) && !loopOwn(data(action).card?.id));
    const intoDone = new Set(
      actions
        .filter(
          (a) =>
            (a.type === "updateCard" && data(a).listAfter?.id === demo.board.lists.done) ||
            (a.type === "createCard" && data(a).list?.id === demo.board.lists.done),
        )
        .map((a) => data(a).card!.id),
    );
    expect(json.period).toMatchObject({ month, timezone: DEMO_TIME_ZONE });
    expect(json.cards).toEqual({
      created: actions.filter((a) => a.type === "createCard").length,
      completed: intoDone.size,
    });
    expect(json.comments).toBe(actions.filter((a) => a.type === "commentCard").length);
    expect(json.cards.created).toBeGreaterThan(5);
    expect(json.cards.completed).toBeGreaterThan(5);
    expect(json.comments).toBeGreaterThan(3);

    // Sprints: those of the month (and one reviewed in it), each with its review once held by the month's last day
    // (today in the current month; the seed holds a review on its sprint's last day), demoed as the seed completed them.
    const [firstDay, lastDay] = [`${month}-01`, `${month}-31`];
    const judgedOn =
      back === 0 ? new Intl.DateTimeFormat("en-CA", { timeZone: DEMO_TIME_ZONE }).format(demo.seededAt) : lastDay;
    const held = (s: (typeof demo.board.sprints)[number]) => s.window.over && s.window.end <= judgedOn;
    const seeded = demo.board.sprints.filter(
      (s) => (s.window.start <= lastDay && s.window.end >= firstDay) || (held(s) && s.window.end >= firstDay),
    );
    expect(json.sprints.map((row: { number: number }) => row.number)).toEqual(seeded.map((s) => s.window.number));
    for (const row of json.sprints) {
      const sprint = seeded.find((s) => s.window.number === row.number)!;
      expect(row.committed).toBe(5);
      if (held(sprint))
        expect(row.review).toMatchObject({
          heldOn: sprint.window.end,
          demoed: sprint.completed.length,
          accepted: sprint.completed.length,
        });
      else expect(row.review).toBeUndefined();
    }

    expect(json.summary.highlights.length).toBeGreaterThan(0);
    expect(json.summary.keyFigures.length).toBeGreaterThan(0);
    expect(json.milestones.hit.length + json.milestones.missed.length).toBeGreaterThan(0);
    expect(json.milestones.stages.length).toBeGreaterThan(0);
    expect(json.scope.decisions.length).toBeGreaterThan(0);
    expect(json.scope.changeRequests.length).toBeGreaterThan(0);
    expect(json.stakeholders.rows.map((row: { name: string }) => row.name)).toEqual([
      "Dana Ruiz",
      "Jonas Berg",
      "Marek Fischer",
      "Priya Shah",
    ]);
    expect(json.stakeholders.escalations).toEqual([
      expect.objectContaining({ stakeholder: "Jonas Berg", to: "technical", leadName: "Alex Morgan" }),
    ]);
    expect(json.flow.throughputByWeek.length).toBeGreaterThan(0);
    expect(json.documents).toHaveLength(4);
    expect(json.invoicing.issued.length + json.invoicing.paid.length + json.invoicing.overdue.length).toBeGreaterThan(
      0,
    );
    expect(json.invoicing.overdue.map((row: { number: string }) => row.number)).toContain("ACME-002");
    const next = json.nextMonth;
    expect(next.milestonesDue.length + next.sprintsPlanned.length + next.openChangeRequests.length).toBeGreaterThan(0);
  });
});
