import type { Browser } from "playwright-core";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { startDevHostStack, type DevHostStack } from "../support/dev-host-stack";
import {
  cardData,
  dayFromToday,
  frontBadge,
  openBoard,
  openCardPopup,
  popupClosed,
  seedCard,
  today,
} from "./card-page-harness";

describe("The Milestone popup", () => {
  let stack: DevHostStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startDevHostStack(), launchBrowser()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("sets a milestone due in three days (due soon), then “Mark done today” saves it as hit", async () => {
    const card = seedCard(stack, "Beta release");
    const due = dayFromToday(3);
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Milestone");
    expect(await popup.getByLabel("Deliverable").inputValue()).toBe("Beta release");
    await popup.getByLabel("Stage").selectOption({ label: "Execution" });
    await popup.getByLabel("Due", { exact: true }).fill(due);
    expect(await popup.locator(".milestone-state").textContent()).toBe(`Due soon due ${due}, in 3 days`);
    await saveScreenshot(page, "milestone-popup");
    await popup.getByRole("button", { name: "Mark done today" }).click();
    await popupClosed(page);

    await frontBadge(page, card, `Milestone hit · ${due}`).waitFor();
    expect(cardData(stack, card).milestone).toEqual({
      v: 1,
      stage: "execution",
      deliverable: "Beta release",
      due,
      baselineDue: due,
      doneOn: today(),
    });
    expect(errors).toEqual([]);
  });

  it("keeps the first due date as the baseline, so moving the due date later shows the milestone as slipped", async () => {
    const card = seedCard(stack, "Go-live");
    const first = dayFromToday(10);
    const later = dayFromToday(20);
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      { milestone: { v: 1, stage: "closing", deliverable: "Go-live", due: first, baselineDue: first } },
    );
    const { page, errors } = await openBoard(browser, stack);
    await frontBadge(page, card, `Milestone upcoming · ${first}`).waitFor();

    const popup = await openCardPopup(page, card, "Milestone");
    expect(await popup.getByLabel("Stage").inputValue()).toBe("closing");
    await popup.getByLabel("Due", { exact: true }).fill(later);
    expect(await popup.locator(".milestone-state").textContent()).toContain(`Slipped first agreed for ${first}`);
    await saveScreenshot(page, "milestone-slipped");
    await popup.getByRole("button", { name: "Save milestone" }).click();
    await popupClosed(page);

    await frontBadge(page, card, `Slipped from ${first}`).waitFor();
    expect(cardData(stack, card).milestone).toEqual({
      v: 1,
      stage: "closing",
      deliverable: "Go-live",
      due: later,
      baselineDue: first,
    });
    expect(errors).toEqual([]);
  });

  it("shows an unfinished milestone past its due date as overdue", async () => {
    const card = seedCard(stack, "Discovery report");
    const due = dayFromToday(-2);
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      { milestone: { v: 1, stage: "initiation", deliverable: "Discovery report", due, baselineDue: due } },
    );
    const { page, errors } = await openBoard(browser, stack);

    const badge = frontBadge(page, card, `Milestone overdue · ${due}`);
    await badge.waitFor();
    expect(await badge.getAttribute("class")).toContain("color-red");
    const popup = await openCardPopup(page, card, "Milestone");
    expect(await popup.locator(".milestone-state").textContent()).toBe(`Overdue due ${due}, 2 days ago`);
    expect(errors).toEqual([]);
  });

  it("shows a milestone past its due date whose card sits in the Done list as done, never overdue", async () => {
    const card = String(stack.sim.createCard(stack.lists.done, { name: "Style guide" }).id);
    const due = dayFromToday(-3);
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      { milestone: { v: 1, stage: "planning", deliverable: "Style guide", due, baselineDue: due } },
    );
    const { page, errors } = await openBoard(browser, stack);

    const badge = frontBadge(page, card, `Milestone done · ${due}`);
    await badge.waitFor();
    expect(await badge.getAttribute("class")).toContain("color-green");
    expect(await frontBadge(page, card, `Milestone overdue · ${due}`).count()).toBe(0);
    const popup = await openCardPopup(page, card, "Milestone");
    expect(await popup.locator(".milestone-state").textContent()).toBe(`Done in a done list, due ${due}`);
    await saveScreenshot(page, "milestone-in-done-list");
    expect(errors).toEqual([]);
  });

  it("shows each missing field's message beside it and saves nothing", async () => {
    const card = seedCard(stack, "Training");
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Milestone");
    await popup.getByLabel("Deliverable").fill("");
    await popup.getByRole("button", { name: "Save milestone" }).click();
    await popup.locator('[data-error-for="stage"]').getByText("Choose a stage").waitFor();
    expect(await popup.locator('[data-error-for="deliverable"]').textContent()).toBe("Deliverable is required");
    expect(await popup.locator('[data-error-for="due"]').textContent()).toBe("Pick a date");
    expect(cardData(stack, card).milestone ?? null).toBeNull();
    await saveScreenshot(page, "milestone-errors");
    expect(errors).toEqual([]);
  });

  it("shows a milestone saved by another version as a readable error above an empty form, and saving repairs it", async () => {
    const card = seedCard(stack, "Pilot");
    stack.sim.setPluginData({ scope: "card", idModel: card }, { milestone: { v: 2, phase: "pilot", when: "soon" } });
    const { page, errors } = await openBoard(browser, stack);
    await frontBadge(page, card, "Unreadable milestone").waitFor();

    const popup = await openCardPopup(page, card, "Milestone");
    expect(await popup.locator(".read-error").innerText()).toContain(
      "The saved milestone cannot be read: it was saved by another version of Stakeholder Loop (version 2)",
    );
    await saveScreenshot(page, "milestone-unreadable");
    await popup.getByLabel("Stage").selectOption({ label: "Planning" });
    await popup.getByLabel("Due", { exact: true }).fill(dayFromToday(30));
    await popup.getByRole("button", { name: "Save milestone" }).click();
    await popupClosed(page);

    await frontBadge(page, card, `Milestone upcoming · ${dayFromToday(30)}`).waitFor();
    expect(await frontBadge(page, card, "Unreadable milestone").count()).toBe(0);
    expect(cardData(stack, card).milestone).toEqual({
      v: 1,
      stage: "planning",
      deliverable: "Pilot",
      due: dayFromToday(30),
      baselineDue: dayFromToday(30),
    });
    expect(errors).toEqual([]);
  });
});
