import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { launchBrowser, openPage, saveScreenshot, type OpenedPage } from "../../support/browser";
import { startDevHostStack, type DevHostStack } from "../../support/dev-host-stack";

const PROBE_PAGES = path.resolve(__dirname, "../../fixtures/powerup-pages");

/** The fake client's `t` in a probe page, as the page sees it (tests run in Node, so it is typed here). */
interface ProbeT {
  get(scope: string, visibility: string, key?: string, defaultValue?: unknown): Promise<unknown>;
  set(scope: string, visibility: string, key: string, value: unknown): Promise<void>;
  remove(scope: string, visibility: string, key: string): Promise<void>;
  getContext(): Record<string, unknown>;
  card(...fields: string[]): Promise<Record<string, unknown>>;
  jwt(options: { state?: string }): Promise<string>;
  sizeTo(target: string | number): Promise<void>;
  getRestApi(): {
    isAuthorized(): Promise<boolean>;
    authorize(options: { scope: string }): Promise<string>;
    getToken(): Promise<string | null>;
  };
}
type ProbeWindow = { probeT: ProbeT };

async function probeFrame(page: Page, kind: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[data-frame="${kind}"]`);
  const frame = (await handle.contentFrame())!;
  await frame.waitForFunction(() => "probeT" in globalThis);
  return frame;
}

describe("the dev host's fake Trello client, in Chromium", () => {
  let browser: Browser;
  let stack: DevHostStack;
  let opened: OpenedPage;

  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startDevHostStack({ powerUpDir: PROBE_PAGES })]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  beforeEach(async () => {
    opened = await openPage(browser, stack.devHostUrl);
    await opened.page.getByRole("button", { name: "Open probe popup" }).waitFor();
  });
  afterEach(async () => {
    await opened.page.context().close();
  });

  it("opens a board button's popup as an iframe of the /powerup/ page, with the args it was given", async () => {
    await opened.page.getByRole("button", { name: "Open probe popup" }).click();
    const frame = await probeFrame(opened.page, "popup");
    expect(new URL(frame.url()).pathname).toBe("/powerup/probe.html");
    await expect(frame.locator("#from").textContent()).resolves.toBe("popup");
    expect(opened.blockedRequests).toEqual([]);
  });

  it("opens a modal as an iframe of the /powerup/ page, and t.closeModal closes it", async () => {
    await opened.page.getByRole("button", { name: "Open probe modal" }).click();
    const frame = await probeFrame(opened.page, "modal");
    await expect(frame.locator("#from").textContent()).resolves.toBe("modal");
    await expect(opened.page.getByRole("dialog").locator("h2").textContent()).resolves.toBe("Probe modal");
    await frame.evaluate(() =>
      (
        globalThis as unknown as ProbeWindow & { TrelloPowerUp: { iframe(): { closeModal(): Promise<void> } } }
      ).TrelloPowerUp.iframe().closeModal(),
    );
    await opened.page.locator('iframe[data-frame="modal"]').waitFor({ state: "detached" });
  });

  it("opens the board bar as an iframe that t.sizeTo resizes", async () => {
    await opened.page.getByRole("button", { name: "Open probe board bar" }).click();
    const frame = await probeFrame(opened.page, "board-bar");
    await expect(frame.locator("#from").textContent()).resolves.toBe("board-bar");
    const iframe = opened.page.locator('iframe[data-frame="board-bar"]');
    await expect(
      iframe.evaluate((node) => (node as unknown as { style: { height: string } }).style.height),
    ).resolves.toBe("100px");
    await frame.evaluate(() => (globalThis as unknown as ProbeWindow).probeT.sizeTo(240));
    await expect(
      iframe.evaluate((node) => (node as unknown as { style: { height: string } }).style.height),
    ).resolves.toBe("240px");
  });

  it("hands out the member's token on t.getRestApi().authorize(), and every frame then sees the member authorized", async () => {
    await opened.page.getByRole("button", { name: "Open probe popup" }).click();
    const popup = await probeFrame(opened.page, "popup");
    const before = await popup.evaluate(() =>
      (globalThis as unknown as ProbeWindow).probeT.getRestApi().isAuthorized(),
    );
    const token = await popup.evaluate(() =>
      (globalThis as unknown as ProbeWindow).probeT.getRestApi().authorize({ scope: "read,write" }),
    );
    expect([before, token]).toEqual([false, stack.simInfo.token]);

    await opened.page.getByRole("button", { name: "Open probe modal" }).click();
    const modal = await probeFrame(opened.page, "modal");
    await expect(
      modal.evaluate(() => (globalThis as unknown as ProbeWindow).probeT.getRestApi().getToken()),
    ).resolves.toBe(stack.simInfo.token);
  });

  it("stores t.set in the simulator's pluginData, reads it back with t.get, and re-renders pages that called t.render", async () => {
    await opened.page.getByRole("button", { name: "Open probe popup" }).click();
    const frame = await probeFrame(opened.page, "popup");
    await frame.evaluate(() =>
      (globalThis as unknown as ProbeWindow).probeT.set("board", "shared", "note", "Agreed weekly call"),
    );

    expect(stack.sim.getPluginData({ scope: "board", idModel: stack.boardId })).toEqual({ note: "Agreed weekly call" });
    await expect(
      frame.evaluate(() => (globalThis as unknown as ProbeWindow).probeT.get("board", "shared", "note")),
    ).resolves.toBe("Agreed weekly call");
    await frame.locator("#note", { hasText: "Agreed weekly call" }).waitFor();
  });

  it("answers t.get with the default again once t.remove took the key away", async () => {
    await opened.page.getByRole("button", { name: "Open probe popup" }).click();
    const frame = await probeFrame(opened.page, "popup");
    const read = await frame.evaluate(async () => {
      const { probeT } = globalThis as unknown as ProbeWindow;
      await probeT.set("board", "private", "draft", "half-written");
      const before = await probeT.get("board", "private", "draft", "none");
      await probeT.remove("board", "private", "draft");
      return [before, await probeT.get("board", "private", "draft", "none")];
    });
    expect(read).toEqual(["half-written", "none"]);
  });

  it("refuses a t.set past 4,096 characters with a message saying so, and keeps what was saved before", async () => {
    await opened.page.getByRole("button", { name: "Open probe popup" }).click();
    const frame = await probeFrame(opened.page, "popup");
    await frame.evaluate(() => (globalThis as unknown as ProbeWindow).probeT.set("board", "shared", "note", "kept"));

    const refusal = await frame.evaluate(() =>
      (globalThis as unknown as ProbeWindow).probeT.set("board", "shared", "note", "x".repeat(5000)).then(
        () => "saved",
        (err: Error) => `${err.constructor.name}: ${err.message}`,
      ),
    );
    expect(refusal).toMatch(/^Error: .*4096 characters exceeded/);
    expect(stack.sim.getPluginData({ scope: "board", idModel: stack.boardId })).toEqual({ note: "kept" });
    await expect(
      frame.evaluate(() => (globalThis as unknown as ProbeWindow).probeT.get("board", "shared", "note")),
    ).resolves.toBe("kept");
  });

  it("shows a card's badge from pluginData and its card-back section with the card's context", async () => {
    stack.sim.setPluginData({ scope: "card", idModel: stack.cards.sla }, { note: "Signed" });
    const page = opened.page;
    await page.reload();
    const tile = page.locator(`[data-card-id="${stack.cards.sla}"]`);
    await tile.locator('[data-badge="Signed"]').waitFor();
    await tile.click();

    const frame = await probeFrame(page, "card-back-section");
    await expect(frame.locator("#from").textContent()).resolves.toBe("card-back");
    const context = await frame.evaluate(() => (globalThis as unknown as ProbeWindow).probeT.getContext());
    expect(context).toMatchObject({ board: stack.boardId, card: stack.cards.sla, member: stack.simInfo.memberId });
    const card = await frame.evaluate(() =>
      (globalThis as unknown as ProbeWindow).probeT.card("id", "name", "idList", "labels"),
    );
    expect(card).toEqual({ id: stack.cards.sla, name: "SLA draft", idList: stack.lists.doing, labels: [] });
    await saveScreenshot(page, "dev-host-probe-card");
  });

  it("signs t.jwt with the simulator's key for the board and member, which the service accepts", async () => {
    await opened.page.getByRole("button", { name: "Open probe popup" }).click();
    const frame = await probeFrame(opened.page, "popup");
    const jwt = await frame.evaluate(() => (globalThis as unknown as ProbeWindow).probeT.jwt({ state: "probe" }));
    const res = await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/connection`, {
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(res.status).toBe(200);
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(claims).toMatchObject({
      idBoard: stack.boardId,
      idMember: stack.simInfo.memberId,
      state: "probe",
      iss: "trello",
    });
  });
});
