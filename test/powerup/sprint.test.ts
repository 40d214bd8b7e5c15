import type { FrameLocator, Page } from "playwright-core";
import { addDays, calendarDay } from "../../shared/loop/calendar-day";
import { saveFrameScreenshot, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";
import { stakeholderRecord } from "../support/loop-fixtures";

const DANA = stakeholderRecord("Dana Ruiz");

let stack: DevHostStack;
let opened: OpenedPage | undefined;
let sprintCard: string;
let danaCard: string;

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  sprintCard = String(stack.sim.createCard(stack.lists.todo, { name: "Sprint 1" }).id);
  danaCard = String(stack.sim.createCard(stack.lists.todo, { name: "Dana Ruiz" }).id);
  stack.sim.setPluginData({ scope: "card", idModel: danaCard }, { stakeholder: DANA });
});

async function openSprintModal(): Promise<{ page: Page; modal: FrameLocator }> {
  opened = await suite.openDevHost();
  const { page } = opened;
  await page.getByRole("button", { name: "Sprint", exact: true }).click();
  const modal = page.frameLocator('iframe[data-frame="modal"]');
  await modal.getByRole("heading", { name: "Sprints", exact: true }).waitFor();
  return { page, modal };
}

const sprintData = (cardId: string) => stack.sim.getPluginData({ scope: "card", idModel: cardId }).sprint;

describe("the Sprint modal", () => {
  it("plans a sprint on the card named Sprint 1 with its committed cards, and lists it", async () => {
    const { page, modal } = await openSprintModal();
    await modal.getByText("No sprints planned yet").waitFor();
    await expect(modal.getByLabel("Sprint card").inputValue()).resolves.toBe(sprintCard);
    await expect(modal.getByLabel("Sprint number").inputValue()).resolves.toBe("1");
    const today = calendarDay(new Date(), "UTC");
    await expect(modal.getByLabel("Start").inputValue()).resolves.toBe(today);
    await expect(modal.getByLabel("End").inputValue()).resolves.toBe(addDays(today, 13));
    // Stakeholder cards and the sprint card itself cannot be committed.
    await expect(modal.getByLabel("Dana Ruiz", { exact: true }).count()).resolves.toBe(0);
    await expect(modal.getByRole("checkbox", { name: "Sprint 1" }).isDisabled()).resolves.toBe(true);

    await modal.getByLabel("Start").fill("2026-11-02");
    await modal.getByLabel("Start").dispatchEvent("change");
    await expect(modal.getByLabel("End").inputValue()).resolves.toBe("2026-11-15");
    await modal.getByLabel("Goal").fill("Sign the SLA and run the kick-off");
    await modal.getByLabel("Kick-off workshop").check();
    await modal.getByLabel("SLA draft").check();
    await modal.getByRole("button", { name: "Plan sprint" }).click();

    await modal.getByText('Saved Sprint 1 on the card "Sprint 1".').waitFor();
    expect(sprintData(sprintCard)).toEqual({
      v: 1,
      number: 1,
      start: "2026-11-02",
      end: "2026-11-15",
      goal: "Sign the SLA and run the kick-off",
      committed: [stack.cards.kickoff, stack.cards.sla],
    });
    const row = modal.locator(`tr[data-sprint-card="${sprintCard}"]`);
    await expect(row.innerText()).resolves.toMatch(
      /Sprint 1[\s\S]*2026-11-02 – 2026-11-15[\s\S]*Sign the SLA[\s\S]*2\s+0\s+No review yet/,
    );
    // The next plan starts the day after this sprint ends.
    await expect(modal.getByLabel("Sprint number").inputValue()).resolves.toBe("2");
    await expect(modal.getByLabel("Start").inputValue()).resolves.toBe("2026-11-16");
    await saveFrameScreenshot(page, "modal", "sprint-modal");
    expect(opened!.errors).toEqual([]);
  });

  it("counts a committed card moved to the Done list as completed", async () => {
    stack.sim.moveCard(stack.cards.sla, stack.lists.done);
    const { modal } = await openSprintModal();
    const row = modal.locator(`tr[data-sprint-card="${sprintCard}"]`);
    await expect(row.locator('td[data-label="Completed"]').innerText()).resolves.toBe("1");
    await expect(row.locator('td[data-label="Committed"]').innerText()).resolves.toBe("2");
  });

  it("refuses a sprint that ends before it starts, inline, keeping what was typed and saving nothing", async () => {
    const before = stack.sim.getPluginData({ scope: "card", idModel: stack.cards.mobileApp });
    const { modal } = await openSprintModal();
    await modal.getByLabel("Sprint card").selectOption({ label: "Native mobile app" });
    await modal.getByLabel("Goal").fill("Ship the beta");
    await modal.getByLabel("Start").fill("2026-12-10");
    await modal.getByLabel("End").fill("2026-12-01");
    await modal.getByRole("button", { name: "Plan sprint" }).click();
    await modal.getByText("The sprint must end after it starts").waitFor();
    await expect(modal.getByLabel("End").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(modal.getByLabel("Goal").inputValue()).resolves.toBe("Ship the beta");

    await modal.getByLabel("End").fill("2026-12-23");
    await modal.getByLabel("Sprint number").fill("1");
    await modal.getByRole("button", { name: "Plan sprint" }).click();
    await modal.getByText('Sprint 1 is already planned on the card "Sprint 1"').waitFor();
    expect(stack.sim.getPluginData({ scope: "card", idModel: stack.cards.mobileApp })).toEqual(before);
  });

  it("creates the card Sprint 2 with the member's token when no such card exists, after an Authorize in place without one", async () => {
    const { modal } = await openSprintModal();
    await expect(modal.getByLabel("Sprint card").locator("option:checked").innerText()).resolves.toBe(
      'Create a card "Sprint 2"',
    );
    await modal.getByLabel("Native mobile app").check();
    await modal.getByRole("button", { name: "Plan sprint" }).click();
    const offer = modal.locator(".authorize-in-place");
    await offer.getByText("needs your own Trello authorization").waitFor();
    const cardsNamed = () =>
      stack.sim
        .boardActions(stack.boardId)
        .filter((a) => a.type === "createCard" && (a.data as { card?: { name?: string } }).card?.name === "Sprint 2");
    expect(cardsNamed()).toHaveLength(0);

    // One click authorizes the member and plans the sprint as it was filled in.
    await offer.getByRole("button", { name: "Authorize" }).click();
    await modal.getByText('Saved Sprint 2 on the card "Sprint 2".').waitFor();
    expect(cardsNamed()).toHaveLength(1);
    // Not in the board's first list: in a "Sprint" list, made as the board lacked one.
    const listsMade = () =>
      stack.sim
        .boardActions(stack.boardId)
        .filter((a) => a.type === "createList" && (a.data as { list: { name: string } }).list.name === "Sprint");
    expect(listsMade()).toHaveLength(1);
    const sprintList = (listsMade()[0]!.data as { list: { id: string } }).list.id;
    const createdIn = cardsNamed()[0]!.data as { card: { id: string }; list: { id: string } };
    expect(createdIn.list.id).toBe(sprintList);
    const created = createdIn.card.id;
    expect(sprintData(created)).toMatchObject({
      number: 2,
      start: "2026-11-16",
      end: "2026-11-29",
      committed: [stack.cards.mobileApp],
    });
    await modal.locator(`tr[data-sprint-card="${created}"]`).waitFor();

    // The next new sprint card joins the same list; no second list is made.
    await modal.getByLabel("Sprint number").fill("4");
    await modal.getByRole("button", { name: "Plan sprint" }).click();
    await modal.getByText('Saved Sprint 4 on the card "Sprint 4".').waitFor();
    expect(listsMade()).toHaveLength(1);
    const fourth = stack.sim
      .boardActions(stack.boardId)
      .find((a) => a.type === "createCard" && (a.data as { card: { name: string } }).card.name === "Sprint 4");
    expect((fourth!.data as { list: { id: string } }).list.id).toBe(sprintList);
  });

  it("edits a saved sprint's goal from the list", async () => {
    const { modal } = await openSprintModal();
    await modal.getByRole("button", { name: "Edit Sprint 1" }).click();
    await modal.getByRole("heading", { name: "Edit Sprint 1" }).waitFor();
    await modal.getByLabel("Goal").fill("Sign the SLA");
    await modal.getByRole("button", { name: "Save sprint" }).click();
    await modal.getByText("Saved Sprint 1").waitFor();
    expect(sprintData(sprintCard)).toMatchObject({
      number: 1,
      goal: "Sign the SLA",
      committed: [stack.cards.kickoff, stack.cards.sla],
    });
  });

  it("keeps a committed card that was archived since when the plan is saved again", async () => {
    stack.sim.archiveCard(stack.cards.kickoff);
    try {
      const { modal } = await openSprintModal();
      await modal.getByRole("button", { name: "Edit Sprint 1" }).click();
      await expect(modal.getByLabel("Archived or removed card").isChecked()).resolves.toBe(true);
      await modal.getByLabel("Goal").fill("Sign the SLA with ACME");
      await modal.getByRole("button", { name: "Save sprint" }).click();
      await modal.getByText("Saved Sprint 1").waitFor();
      const saved = sprintData(sprintCard) as { goal: string; committed: string[] };
      expect(saved.goal).toBe("Sign the SLA with ACME");
      expect([...saved.committed].sort()).toEqual([stack.cards.kickoff, stack.cards.sla].sort());
    } finally {
      stack.sim.updateCard(stack.cards.kickoff, { closed: false });
    }
  });

  it("shows card names as text, never as HTML", async () => {
    stack.sim.createCard(stack.lists.doing, { name: '<img src=x onerror="document.title=1">' });
    const { modal } = await openSprintModal();
    await modal.getByLabel('<img src=x onerror="document.title=1">').waitFor();
    await expect(modal.locator(".sprint-plan img").count()).resolves.toBe(0);
  });

  it("shows a sprint plan that fails its schema as a readable error, and planning it again repairs it", async () => {
    stack.sim.setPluginData({ scope: "card", idModel: stack.cards.mobileApp }, { sprint: { v: 1, number: "three" } });
    const { modal } = await openSprintModal();
    await modal.getByText("Native mobile app: The saved sprint plan cannot be read").waitFor();
    await modal.getByRole("button", { name: "Plan Native mobile app again" }).click();
    await expect(modal.getByLabel("Sprint card").inputValue()).resolves.toBe(stack.cards.mobileApp);
    await modal.getByLabel("Sprint number").fill("3");
    await modal.getByRole("button", { name: "Plan sprint" }).click();
    await modal.getByText('Saved Sprint 3 on the card "Native mobile app".').waitFor();
    await expect(modal.getByText("The saved sprint plan cannot be read").count()).resolves.toBe(0);
    expect(sprintData(stack.cards.mobileApp)).toMatchObject({ v: 1, number: 3, committed: [] });
  });
});
