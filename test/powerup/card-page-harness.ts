import type { Browser, FrameLocator, Locator, Page } from "playwright-core";
import { addDays, calendarDay } from "../../shared/loop/calendar-day";
import { openPage, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { stakeholderRecord } from "../support/loop-fixtures";

/** Steps the card-page browser tests share: seeding stakeholders, opening a card's popups, reading what was saved. */

export type CardButton = "Roles" | "Scope" | "Milestone" | "Invoice";

/** Today as the pages see it (the test board has no time zone setting: UTC). */
export function today(): string {
  return calendarDay(new Date(), "UTC");
}

/** A calendar day `days` from today. */
export function dayFromToday(days: number): string {
  return addDays(today(), days);
}

/** A stakeholder card with a valid `stakeholder` record, as the Stakeholders registry saves it; returns its card id. */
export function seedStakeholder(stack: DevHostStack, name: string, extra: Record<string, unknown> = {}): string {
  const id = String(stack.sim.createCard(stack.lists.todo, { name }).id);
  stack.sim.setPluginData(
    { scope: "card", idModel: id },
    {
      stakeholder: stakeholderRecord(name, {
        cadenceDays: 14,
        initiation: { platform: true, roles: true, reviews: false, scope: false },
        ...extra,
      }),
    },
  );
  return id;
}

/** A fresh work card in To Do. */
export function seedCard(stack: DevHostStack, name: string): string {
  return String(stack.sim.createCard(stack.lists.todo, { name }).id);
}

/** The card's shared pluginData as Trello holds it. */
export function cardData(stack: DevHostStack, cardId: string): Record<string, unknown> {
  return stack.sim.getPluginData({ scope: "card", idModel: cardId });
}

/** The dev host with the board drawn by the connector (its board buttons shown, so card badges and buttons are there too). */
export async function openBoard(browser: Browser, stack: DevHostStack): Promise<OpenedPage> {
  const opened = await openPage(browser, stack.devHostUrl);
  // Fail a step with Playwright's own message (what it waited for) well before Jest's 30 s test timeout.
  opened.page.setDefaultTimeout(15_000);
  // Until the connector registers, the host draws the board without badges and cards without buttons.
  await opened.page.locator(".toolbar .board-button").first().waitFor();
  return opened;
}

/** The card's tile on the board. */
export function cardTile(page: Page, cardId: string): Locator {
  return page.locator(`.card-tile[data-card-id="${cardId}"]`);
}

/** A badge on the card's front, by its exact text. */
export function frontBadge(page: Page, cardId: string, text: string): Locator {
  return cardTile(page, cardId).locator(`.card-badge[data-badge="${text}"]`);
}

/** Opens the card and clicks one of its buttons; resolves to the popup's frame once its form (or message) shows. */
export async function openCardPopup(page: Page, cardId: string, button: CardButton): Promise<FrameLocator> {
  await cardTile(page, cardId).click();
  const panel = page.locator(`.card-panel[data-card-panel="${cardId}"]`);
  await panel.locator(".card-buttons button", { hasText: new RegExp(`^${button}$`) }).click();
  const frame = page.frameLocator('[data-shell="popup"] iframe');
  await frame.locator(".card-page").waitFor();
  return frame;
}

/** The card-back section's frame of the open card. */
export async function openCardBack(page: Page, cardId: string): Promise<FrameLocator> {
  await cardTile(page, cardId).click();
  const frame = page.frameLocator(`.card-panel[data-card-panel="${cardId}"] iframe[data-frame="card-back-section"]`);
  await frame.locator(".card-back").waitFor();
  return frame;
}

/** Resolves once the popup has closed (a successful save closes it). */
export async function popupClosed(page: Page): Promise<void> {
  await page.locator('[data-shell="popup"]').waitFor({ state: "detached" });
}
