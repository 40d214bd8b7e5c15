import fs from "node:fs";
import { DateTime } from "luxon";
import { defaultReportMonth } from "../../powerup/board-pages/default-report-month";
import type { FrameLocator, Page } from "playwright-core";
import { saveScreenshot, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";

let stack: DevHostStack;
let opened: OpenedPage | undefined;

/** The month before now, as the page picks it by default (the board's time zone is UTC until set). */
function previousMonth(): { month: string; day: (n: number) => number } {
  const now = new Date();
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  return {
    month: new Date(first).toISOString().slice(0, 7),
    day: (n) => first + (n - 1) * 86_400_000 + 12 * 3_600_000,
  };
}
const last = previousMonth();

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  // Last month on the board: three cards created, two of them finished, one comment.
  const { sim, lists } = stack;
  const card = (name: string, day: number) => String(sim.createCard(lists.todo, { name, at: last.day(day) }).id);
  const brief = card("Write the brief", 3);
  const wireframes = card("Wireframes", 4);
  card("Hosting quote", 5);
  sim.addComment(brief, "Agreed with Dana", { at: last.day(6) });
  sim.moveCard(brief, lists.done, { at: last.day(10) });
  sim.moveCard(wireframes, lists.done, { at: last.day(12) });
  await stack.settle();
});

/** Opens the modal, checks it starts on the default month, and picks last month (where the seeded activity is). */
async function openReport(): Promise<{ page: Page; modal: FrameLocator }> {
  opened = await suite.openDevHost();
  const { page } = opened;
  await page.getByRole("button", { name: "Monthly report" }).click();
  const modal = page.frameLocator('iframe[data-frame="modal"]');
  await modal.getByRole("heading", { name: "Monthly report" }).waitFor();
  const settings = stack.sim.getPluginData({ scope: "board", idModel: stack.boardId }).settings as
    { timezone?: string } | undefined;
  const today = DateTime.now()
    .setZone(settings?.timezone ?? "UTC")
    .toISODate()!;
  await expect(modal.getByLabel("Month").inputValue()).resolves.toBe(defaultReportMonth(today));
  await modal.getByLabel("Month").fill(last.month);
  return { page, modal };
}

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
  last.day(1),
);

/** Generates the chosen month and waits until the modal shows that version's HTML. */
async function generate(modal: FrameLocator, version: number): Promise<FrameLocator> {
  await modal.getByRole("button", { name: "Generate report" }).click();
  await modal.getByRole("heading", { name: `${monthName} · version ${version}` }).waitFor();
  const report = modal.frameLocator("iframe.report-frame");
  await report.getByRole("heading", { name: `Monthly report: ACME rollout, ${monthName}` }).waitFor();
  return report;
}

/** The report's key figure as its HTML shows it. */
const keyFigure = (report: FrameLocator, label: string) =>
  report.locator("#section-1 tr", { hasText: label }).first().locator("td").nth(1).innerText();

describe("the Monthly report modal", () => {
  it("generates last month's report on the service and shows its HTML in a frame that may run nothing", async () => {
    const { page, modal } = await openReport();
    await expect(modal.getByLabel("Audience").inputValue()).resolves.toBe("internal");
    await expect(modal.getByLabel("Time zone").inputValue()).resolves.toBe("UTC");
    await modal.getByText("No report has been generated for this month and audience yet.").waitFor();

    const report = await generate(modal, 1);
    await expect(keyFigure(report, "Cards created")).resolves.toBe("3");
    await expect(keyFigure(report, "Cards completed")).resolves.toBe("2");
    await expect(keyFigure(report, "Comments")).resolves.toBe("1");
    await expect(modal.locator("iframe.report-frame").getAttribute("sandbox")).resolves.toBe("");
    await modal.getByText(/^Version 1 · Internal · UTC · generated .* by /).waitFor();

    // What the modal shows is the stored snapshot the service lists.
    const jwt = await stack.sim.mintJwt({ idBoard: stack.boardId });
    const listed = (await (
      await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/reports`, {
        headers: { authorization: `Bearer ${jwt}` },
      })
    ).json()) as { snapshots: any[] };
    expect(listed.snapshots[0]).toMatchObject({
      month: last.month,
      audience: "internal",
      version: 1,
      createdBy: stack.simInfo.memberId,
    });
    await saveScreenshot(page, "monthly-report-modal");
    expect(opened!.errors).toEqual([]);
  });

  it("lists the month's versions after a regeneration and shows an earlier one again", async () => {
    const { modal } = await openReport();
    await modal.getByRole("button", { name: "Version 1" }).waitFor();
    await generate(modal, 2);
    await expect(modal.locator(".report-versions li").count()).resolves.toBe(2);
    await expect(modal.getByRole("button", { name: "Version 2" }).getAttribute("aria-current")).resolves.toBe("true");

    await modal.getByRole("button", { name: "Version 1" }).click();
    await modal.getByRole("heading", { name: `${monthName} · version 1` }).waitFor();
    await modal
      .frameLocator("iframe.report-frame")
      .getByRole("heading", { name: `Monthly report: ACME rollout, ${monthName}` })
      .waitFor();
    // The client audience has versions of its own; the internal report shown goes with its buttons.
    await modal.getByLabel("Audience").selectOption("client");
    await modal.getByText("No report has been generated for this month and audience yet.").waitFor();
    await expect(modal.locator(".monthly-report").count()).resolves.toBe(0);
  });

  it("clears the shown report and its buttons when another month is chosen, so the preview always matches the form", async () => {
    const { modal } = await openReport();
    await modal.getByRole("button", { name: "Version 1" }).click();
    await modal.getByRole("heading", { name: `${monthName} · version 1` }).waitFor();
    await modal.getByLabel("Month").fill("2026-01");
    await modal.getByText("No report has been generated for this month and audience yet.").waitFor();
    await expect(modal.locator(".monthly-report").count()).resolves.toBe(0);
    await expect(modal.getByRole("button", { name: "Post to board" }).count()).resolves.toBe(0);
    await expect(modal.getByRole("button", { name: "Download PDF" }).count()).resolves.toBe(0);
  });

  it("downloads every format (PDF, Markdown, CSV, HTML, JSON) with the member's JWT", async () => {
    const { page, modal } = await openReport();
    await generate(modal, 3);

    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      modal.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`monthly-report-${last.month}-internal-v3.pdf`);
    expect(
      fs
        .readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    const [md] = await Promise.all([
      page.waitForEvent("download"),
      modal.getByRole("button", { name: "Download Markdown" }).click(),
    ]);
    expect(md.suggestedFilename()).toBe(`monthly-report-${last.month}-internal-v3.md`);
    expect(fs.readFileSync((await md.path())!, "utf8")).toMatch(/ACME rollout/);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      modal.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.zip$/);
    const [html] = await Promise.all([
      page.waitForEvent("download"),
      modal.getByRole("button", { name: "Download HTML" }).click(),
    ]);
    expect(html.suggestedFilename()).toBe(`monthly-report-${last.month}-internal-v3.html`);
    expect(fs.readFileSync((await html.path())!, "utf8")).toMatch(/<html[\s\S]*ACME rollout/);
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      modal.getByRole("button", { name: "Download JSON" }).click(),
    ]);
    expect(json.suggestedFilename()).toBe(`monthly-report-${last.month}-internal-v3.json`);
    expect(JSON.parse(fs.readFileSync((await json.path())!, "utf8"))).toMatchObject({
      period: { month: last.month },
      cards: { created: 3, completed: 2 },
    });
  });

  it("posts the report's Markdown on a Reports card in a Reports list it creates, after an Authorize in place, then reuses both", async () => {
    const { modal } = await openReport();
    await generate(modal, 4);
    await modal.getByRole("button", { name: "Post to board" }).click();
    const offer = modal.locator(".authorize-in-place");
    await offer.getByText("needs your own Trello authorization").waitFor();
    await offer.getByRole("button", { name: "Authorize" }).click();
    await modal.getByText('Posted version 4 as a comment on a new "Reports" card in the new "Reports" list.').waitFor();
    await modal.getByRole("button", { name: "Post to board" }).click();
    await modal.getByText('Posted version 4 as a comment on the "Reports" card.').waitFor();

    const actions = stack.sim.boardActions(stack.boardId);
    const lists = actions.filter((a) => a.type === "createList" && (a.data as any).list?.name === "Reports");
    expect(lists).toHaveLength(1);
    const created = actions.filter((a) => a.type === "createCard" && (a.data as any).card?.name === "Reports");
    expect(created).toHaveLength(1);
    expect((created[0]!.data as any).list.id).toBe((lists[0]!.data as any).list.id);
    const comments = actions.filter(
      (a) => a.type === "commentCard" && (a.data as any).card?.id === (created[0]!.data as any).card.id,
    );
    expect(comments).toHaveLength(2);
    expect((comments[0]!.data as any).text).toMatch(/^#.*ACME rollout/m);
  });

  it("puts the PM's status and note in the report, and shows hostile card names and notes as text", async () => {
    const payload = "<img src=x onerror=alert(1)>";
    const card = String(stack.sim.createCard(stack.lists.todo, { name: payload, at: last.day(2) }).id);
    const due = new Date(last.day(20)).toISOString().slice(0, 10);
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      { milestone: { v: 1, stage: "execution", deliverable: "Beta", due, baselineDue: due } },
    );
    const jwt = await stack.sim.mintJwt({ idBoard: stack.boardId });
    const refreshed = await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/plugin-data/refresh`, {
      method: "POST",
      headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
      body: JSON.stringify({ idCard: card }),
    });
    expect(refreshed.status).toBe(200);
    await stack.settle();

    const { page, modal } = await openReport();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await modal.getByLabel("Status").selectOption("on-track");
    await modal.getByLabel("PM note (internal reports only)").fill("Client <b>happy</b> with the beta");
    const report = await generate(modal, 5);

    await report.getByText(/^Status: On track \(computed: (At risk|Off track)\)/).waitFor();
    await report.getByText("PM note: Client <b>happy</b> with the beta").waitFor();
    // The missed milestone's card name is text in the report, never an element.
    await report.getByText(payload).first().waitFor();
    await expect(report.locator("img[src=x]").count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await saveScreenshot(page, "monthly-report-pm-status");
  });

  it("refuses an unknown time zone inline and keeps the chosen month", async () => {
    const { modal } = await openReport();
    await modal.getByLabel("Month").fill("2026-01");
    await modal.getByLabel("Time zone").fill("Mars/Olympus");
    await modal.getByRole("button", { name: "Generate report" }).click();
    await modal.getByText("Choose a time zone such as Europe/Berlin").waitFor();
    await expect(modal.getByLabel("Month").inputValue()).resolves.toBe("2026-01");
    await expect(modal.locator(".monthly-report").count()).resolves.toBe(0);
  });

  it("starts from the board settings' audience and time zone", async () => {
    stack.sim.setPluginData(
      { scope: "board", idModel: stack.boardId },
      {
        settings: {
          v: 1,
          timezone: "Pacific/Auckland",
          doneLists: [],
          sprintDays: 14,
          reportAudience: "client",
          reportOnMonthClose: true,
        },
      },
    );
    const { modal } = await openReport();
    await expect(modal.getByLabel("Audience").inputValue()).resolves.toBe("client");
    await expect(modal.getByLabel("Time zone").inputValue()).resolves.toBe("Pacific/Auckland");
    await modal.getByRole("button", { name: "Generate report" }).click();
    // No stakeholder names a client organisation yet: the report is the board's figures, for no party in particular.
    await expect(modal.getByLabel("Organisation").locator("option").allInnerTexts()).resolves.toEqual([
      "No client organisation yet",
    ]);
    await modal.getByText(/^Version 1 · Client · Pacific\/Auckland · generated/).waitFor();
  });

  it("makes a partner's report for the organisation chosen, with none of another party's people", async () => {
    const { sim, boardId, lists } = stack;
    const person = async (name: string, type: string, org: string) => {
      const idCard = String(sim.createCard(lists.todo, { name, at: last.day(2) }).id);
      sim.setPluginData(
        { scope: "card", idModel: idCard },
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
            buyIn: "sceptic",
            status: "active",
            initiation: { platform: true, roles: true, reviews: true, scope: true },
          },
        },
      );
      // What the Power-Up does after a save: the service reads the card's pluginData.
      const refreshed = await fetch(`${stack.baseUrl}/api/boards/${boardId}/plugin-data/refresh`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${await sim.mintJwt({ idBoard: boardId })}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ idCard }),
      });
      expect(refreshed.status).toBe(200);
    };
    await person("Dana Ruiz", "client", "ACME");
    await person("Priya Natarajan", "partner", "Northwind");
    await person("Otto Lang", "partner", "Lang Logistics");
    const { page, modal } = await openReport();
    // A note typed for the internal copy is not offered, nor sent, for a partner's.
    const note = modal.getByLabel("PM note (internal reports only)");
    await modal.getByLabel("Audience").selectOption("internal");
    await expect(modal.getByLabel("Organisation").isVisible()).resolves.toBe(false);
    await note.fill("Northwind is slow to sign");
    await modal.getByLabel("Audience").selectOption("partner");
    await expect(note.isVisible()).resolves.toBe(false);
    await expect(modal.getByLabel("Organisation").locator("option").allInnerTexts()).resolves.toEqual([
      "Lang Logistics",
      "Northwind",
    ]);
    await modal.getByLabel("Organisation").selectOption("Northwind");
    const report = await generate(modal, 1);
    await modal.getByText(/^Version 1 · Partner: Northwind · /).waitFor();
    await report.getByText(/^Partner report for Northwind/).waitFor();
    const stakeholders = await report.locator("#section-5").innerText();
    expect(stakeholders).toContain("Priya Natarajan");
    expect(stakeholders).not.toMatch(/Dana Ruiz|Otto Lang|Buy-in|sceptic/i);
    expect(await report.locator("body").innerText()).not.toContain("slow to sign");
    await saveScreenshot(page, "monthly-report-partner");
    await modal.getByLabel("Audience").selectOption("internal");
    await expect(note.isVisible()).resolves.toBe(true);
  });

  it("says in words that the board must be connected when the service has no data for it", async () => {
    const jwt = await stack.sim.mintJwt({ idBoard: stack.boardId });
    const removed = await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/connection?deleteData=true`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(removed.status).toBe(200);
    const { modal } = await openReport();
    await modal.getByRole("button", { name: "Generate report" }).click();
    await expect(modal.getByRole("alert").innerText()).resolves.toMatch(/connect/i);
    await expect(modal.locator(".monthly-report").count()).resolves.toBe(0);
  });
});
