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

describe("The Invoice popup", () => {
  let stack: DevHostStack;
  let browser: Browser;
  let milestoneCard: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startDevHostStack(), launchBrowser()]);
    milestoneCard = seedCard(stack, "Phase 1 delivery");
    const due = dayFromToday(-12);
    stack.sim.setPluginData(
      { scope: "card", idModel: milestoneCard },
      { milestone: { v: 1, stage: "execution", deliverable: "Phase 1 delivered", due, baselineDue: due, doneOn: due } },
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("saves an invoice for a milestone, due 30 days after issue: overdue on the card, then paid once a payment date is given", async () => {
    const card = seedCard(stack, "Invoice phase 1");
    const issued = dayFromToday(-40);
    const { page, errors } = await openBoard(browser, stack);

    let popup = await openCardPopup(page, card, "Invoice");
    expect(await popup.getByLabel("Currency").inputValue()).toBe("EUR");
    expect(await popup.getByLabel("Issued on").inputValue()).toBe(today());
    expect(await popup.getByLabel("Due on").inputValue()).toBe(dayFromToday(30));
    await popup.getByLabel("Invoice number").fill("INV-2026-014");
    await popup.getByLabel("Amount").fill("12500");
    await popup.getByLabel("Issued on").fill(issued);
    expect(await popup.getByLabel("Due on").inputValue()).toBe(dayFromToday(-10));
    await popup.getByLabel("Milestone").selectOption({ label: `Phase 1 delivered (due ${dayFromToday(-12)})` });
    expect(await popup.locator(".invoice-state").textContent()).toBe(`Overdue due ${dayFromToday(-10)}`);
    await saveScreenshot(page, "invoice-popup");
    await popup.getByRole("button", { name: "Save invoice" }).click();
    await popupClosed(page);

    const overdue = frontBadge(page, card, "Invoice overdue");
    await overdue.waitFor();
    expect(await overdue.getAttribute("class")).toContain("color-red");
    expect(cardData(stack, card).invoice).toEqual({
      v: 1,
      number: "INV-2026-014",
      amount: 12500,
      currency: "EUR",
      issuedOn: issued,
      dueOn: dayFromToday(-10),
      milestone: milestoneCard,
    });

    popup = await openCardPopup(page, card, "Invoice");
    expect(await popup.getByLabel("Milestone").inputValue()).toBe(milestoneCard);
    await popup.getByLabel("Paid on").fill(today());
    expect(await popup.locator(".invoice-state").textContent()).toBe(`Paid paid on ${today()}`);
    await popup.getByRole("button", { name: "Save invoice" }).click();
    await popupClosed(page);

    await frontBadge(page, card, "Invoice paid").waitFor();
    expect(cardData(stack, card).invoice).toMatchObject({ number: "INV-2026-014", paidOn: today() });
    expect(errors).toEqual([]);
  });

  it("offers the currency of the board's last invoice for the next one", async () => {
    const earlier = seedCard(stack, "Invoice workshop");
    stack.sim.setPluginData(
      { scope: "card", idModel: earlier },
      {
        invoice: {
          v: 1,
          number: "UK-7",
          amount: 900,
          currency: "GBP",
          issuedOn: dayFromToday(1),
          dueOn: dayFromToday(31),
        },
      },
    );
    const card = seedCard(stack, "Invoice training");
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Invoice");
    expect(await popup.getByLabel("Currency").inputValue()).toBe("GBP");
    expect(await popup.locator(".invoice-state").textContent()).toBe(`Open due ${dayFromToday(30)}`);
    expect(errors).toEqual([]);
  });

  it("keeps what was typed and says what is wrong: a negative amount, then a due date before the issue date", async () => {
    const card = seedCard(stack, "Invoice support");
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Invoice");
    await popup.getByLabel("Invoice number").fill("INV-9");
    await popup.getByLabel("Amount").fill("-5");
    await popup.getByLabel("Due on").fill(dayFromToday(-1));
    await popup.getByRole("button", { name: "Save invoice" }).click();

    await popup.locator('[data-error-for="amount"]').getByText("Amount cannot be negative").waitFor();
    await popup.getByLabel("Amount").fill("500");
    await popup.getByRole("button", { name: "Save invoice" }).click();
    await popup.locator('[data-error-for="dueOn"]').getByText("Due cannot be before issued").waitFor();
    expect(await popup.locator('[data-error-for="amount"]').textContent()).toBe("");
    expect(await popup.getByLabel("Invoice number").inputValue()).toBe("INV-9");
    expect(cardData(stack, card).invoice ?? null).toBeNull();
    await saveScreenshot(page, "invoice-errors");
    expect(errors).toEqual([]);
  });
  it("bills an invoice to one of the board's parties: its one client by default, or a partner chosen", async () => {
    const person = (name: string, type: string, org: string) =>
      stack.sim.setPluginData(
        { scope: "card", idModel: seedCard(stack, name) },
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
    person("Dana Ruiz", "client", "ACME");
    person("Priya Natarajan", "partner", "Northwind");
    const card = seedCard(stack, "Integration fee");
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Invoice");
    await expect(popup.getByLabel("Billed to").inputValue()).resolves.toBe("ACME");
    await expect(popup.getByLabel("Billed to").locator("option").allInnerTexts()).resolves.toEqual([
      "Not named (counts for ACME)",
      "ACME (client)",
      "Northwind (partner)",
    ]);
    await popup.getByLabel("Billed to").selectOption("Northwind");
    await popup.getByLabel("Invoice number").fill("INV-NW-7");
    await popup.getByLabel("Amount").fill("900");
    await saveScreenshot(page, "invoice-popup-party");
    await popup.getByRole("button", { name: "Save invoice" }).click();
    await popupClosed(page);
    expect(cardData(stack, card).invoice).toMatchObject({ number: "INV-NW-7", party: "Northwind" });
    expect(errors).toEqual([]);
  });
});
