import type { Browser, FrameLocator, Page } from "playwright-core";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { startDevHostStack, type DevHostStack } from "../support/dev-host-stack";
import {
  dayFromToday,
  openBoard,
  openCardBack,
  popupClosed,
  seedCard,
  seedStakeholder,
  today,
} from "./card-page-harness";

/** Each block's text, by its record name, as the card-back shows them. */
async function blocks(frame: FrameLocator): Promise<Record<string, string>> {
  const sections = frame.locator("section.loop-section");
  const found: Record<string, string> = {};
  for (let i = 0; i < (await sections.count()); i += 1) {
    const section = sections.nth(i);
    found[(await section.getAttribute("aria-label")) ?? ""] = ((await section.innerText()) ?? "")
      .replace(/\s+/g, " ")
      .trim();
  }
  return found;
}

/** The card-back iframe is at least as tall as its content (the page called t.sizeTo). */
async function expectSizedToContent(page: Page, frame: FrameLocator): Promise<void> {
  const frameHeight = await page
    .locator('iframe[data-frame="card-back-section"]')
    .evaluate((el) => el.getBoundingClientRect().height);
  const contentHeight = await frame.locator("#app").evaluate((el) => el.getBoundingClientRect().height);
  expect(frameHeight).toBeGreaterThanOrEqual(Math.floor(contentHeight));
}

describe("The card-back section", () => {
  let stack: DevHostStack;
  let browser: Browser;
  let ada: string;
  let ben: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startDevHostStack(), launchBrowser()]);
    ada = seedStakeholder(stack, "Ada Lovelace", { org: "ACME" });
    ben = seedStakeholder(stack, "Ben Okafor", { type: "partner" });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("shows a work card's roles, change request, milestone and invoice at a glance, sized to fit", async () => {
    const card = seedCard(stack, "Export to SAP");
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      {
        roles: { v: 1, responsible: [ben], accountable: ada, consulted: [], informed: [ada, ben] },
        scope: {
          v: 1,
          decision: "change",
          boundary: "Nightly CSV export only",
          change: {
            status: "approved",
            requestedBy: ada,
            proposedOn: dayFromToday(-3),
            rationale: "Needed for the Q1 close",
            decidedBy: stack.simInfo.memberId,
            decidedOn: today(),
            impactDays: 5,
            impactCost: 4800,
            currency: "EUR",
          },
        },
        milestone: {
          v: 1,
          stage: "execution",
          deliverable: "SAP export live",
          due: dayFromToday(5),
          baselineDue: dayFromToday(2),
        },
        invoice: { v: 1, number: "INV-22", amount: 4800, currency: "EUR", issuedOn: today(), dueOn: dayFromToday(30) },
      },
    );
    const { page, errors } = await openBoard(browser, stack);
    const frame = await openCardBack(page, card);

    const shown = await blocks(frame);
    expect(Object.keys(shown)).toEqual(["Roles", "Scope", "Milestone", "Invoice"]);
    expect(shown.Roles).toBe("Responsible: Ben Okafor Accountable: Ada Lovelace Informed: Ada Lovelace, Ben Okafor");
    expect(shown.Scope).toContain(
      `Scope: Change request Approved Boundary: Nightly CSV export only Change: proposed ${dayFromToday(-3)} by Ada Lovelace · impact 5 days, €4,800.00`,
    );
    expect(shown.Scope).toMatch(new RegExp(`Approved: on ${today()} by \\S.*: Needed for the Q1 close$`));
    expect(shown.Milestone).toBe(
      `Milestone: Execution · SAP export live State: Due soon due ${dayFromToday(5)}, in 5 days Slipped first agreed for ${dayFromToday(2)}`,
    );
    expect(shown.Invoice).toBe(`Invoice: INV-22 · €4,800.00 · Open due ${dayFromToday(30)}`);
    await expectSizedToContent(page, frame);
    await saveScreenshot(page, "card-back-work-card");
    expect(errors).toEqual([]);
  });

  it("shows a stakeholder card's type, cadence, overdue update, status, buy-in and open initiation items", async () => {
    const cleo = seedStakeholder(stack, "Cleo Ortiz", {
      org: "Partner Co",
      type: "partner",
      channel: "slack",
      cadenceDays: 7,
      buyIn: "sceptic",
      status: "difficult",
    });
    const lastUpdate = `${dayFromToday(-10)}T09:00:00.000Z`;
    stack.sim.setPluginData(
      { scope: "card", idModel: cleo },
      { log: { v: 1, entries: [{ id: "upd001", at: lastUpdate, channel: "slack", summary: "Weekly status" }] } },
    );
    const { page, errors } = await openBoard(browser, stack);
    const frame = await openCardBack(page, cleo);

    expect((await blocks(frame)).Stakeholder).toBe(
      "Stakeholder: Cleo Ortiz · Partner · Partner Co " +
        "Updates: Slack every 7 days · Update overdue by 3 days " +
        "Status: Difficult · buy-in: sceptic " +
        "Initiation open: Invited to sprint reviews, Scope boundaries acknowledged",
    );
    await saveScreenshot(page, "card-back-stakeholder");
    expect(errors).toEqual([]);
  });

  it("sums up a sprint card's plan and its review", async () => {
    const sprint = seedCard(stack, "Sprint 3");
    const [one, two] = [seedCard(stack, "Login page"), seedCard(stack, "Audit log")];
    stack.sim.setPluginData(
      { scope: "card", idModel: sprint },
      {
        sprint: {
          v: 1,
          number: 3,
          start: dayFromToday(-14),
          end: dayFromToday(0),
          goal: "Customers can sign in",
          committed: [one, two],
        },
        review: {
          v: 1,
          heldOn: today(),
          attendees: [ada, ben],
          demoed: [one, two],
          accepted: [one],
          feedback: [
            { by: ada, sentiment: "positive" },
            { by: ben, sentiment: "negative", note: "Audit log too slow" },
          ],
          decisions: "Ship the login page",
          nextSteps: "Speed up the audit log",
        },
      },
    );
    const { page, errors } = await openBoard(browser, stack);
    const shown = await blocks(await openCardBack(page, sprint));

    expect(shown.Sprint).toBe(
      `Sprint: 3: ${dayFromToday(-14)} to ${today()} · 2 committed cards Goal: Customers can sign in`,
    );
    expect(shown["Sprint review"]).toBe(
      `Review: held ${today()} · 2 attendees · 1 of 2 demoed cards accepted Feedback: 1 positive, 1 negative ` +
        "Decisions: Ship the login page Next steps: Speed up the audit log",
    );
    expect(errors).toEqual([]);
  });

  it("shows hand-edited or other-version records as readable errors, next to the records that are fine", async () => {
    const card = seedCard(stack, "Hand-edited card");
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      {
        scope: { v: 1, decision: "out" },
        milestone: { v: 1, stage: "someday", deliverable: "Beta", due: today(), baselineDue: today() },
        invoice: { v: 2, number: "INV-1", total: "100 EUR" },
      },
    );
    const { page, errors } = await openBoard(browser, stack);
    const frame = await openCardBack(page, card);

    const shown = await blocks(frame);
    expect(shown.Scope).toBe("Scope: Out of scope");
    expect(shown.Milestone).toBe(
      "This data could not be read. The saved milestone cannot be read: stage: Choose a stage. Open it and save it again to repair it. It opens from the card button “Milestone”.",
    );
    expect(shown.Invoice).toContain(
      "The saved invoice cannot be read: it was saved by another version of Stakeholder Loop (version 2).",
    );
    expect(await frame.getByRole("alert").count()).toBe(2);
    await saveScreenshot(page, "card-back-unreadable");
    expect(errors).toEqual([]);
  });

  it("says there is no Loop data yet, with hints, and shows a scope decision right after it is saved", async () => {
    const { page, errors } = await openBoard(browser, stack);
    let frame = await openCardBack(page, stack.cards.kickoff);
    expect(await frame.locator(".loop-empty").innerText()).toMatch(
      /^No Stakeholder Loop data on this card yet\.\n[\s\S]*card buttons[\s\S]*board button “Stakeholders”/,
    );
    await saveScreenshot(page, "card-back-empty");

    await page.locator(".card-panel .card-buttons button", { hasText: /^Scope$/ }).click();
    const popup = page.frameLocator('[data-shell="popup"] iframe');
    await popup.getByLabel("In scope").check();
    await popup.getByRole("button", { name: "Save scope" }).click();
    await popupClosed(page);

    // The host redraws the card panel after the popup closes, so the section is read through a locator that waits
    // for it in whichever frame is current, not a snapshot of the frame that showed it first.
    frame = page.frameLocator('.card-panel iframe[data-frame="card-back-section"]');
    const scope = frame.locator('section.loop-section[aria-label="Scope"]');
    await scope.getByText("In scope").waitFor();
    expect((await scope.innerText()).replace(/\s+/g, " ").trim()).toBe("Scope: In scope");
    expect(errors).toEqual([]);
  });
});
