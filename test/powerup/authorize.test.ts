import type { FrameLocator, Page } from "playwright-core";
import { saveScreenshot, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";

let stack: DevHostStack;
let opened: OpenedPage | undefined;

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
});

async function openAuthorization(): Promise<{ page: Page; popup: FrameLocator }> {
  opened = await suite.openDevHost();
  const { page } = opened;
  await page.getByRole("button", { name: "Authorize Power-Up" }).click();
  const popup = page.frameLocator('iframe[data-frame="popup"]');
  await popup.getByRole("heading", { name: "Stakeholder Loop access" }).waitFor();
  return { page, popup };
}

/** What the service says about the board's connection (GET /api/boards/:id/connection). */
async function serviceConnection(): Promise<{ status: number; body: { status?: string; error?: { code: string } } }> {
  const jwt = await stack.sim.mintJwt({ idBoard: stack.boardId });
  const response = await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/connection`, {
    headers: { authorization: `Bearer ${jwt}` },
  });
  return { status: response.status, body: (await response.json()) as { status?: string } };
}

describe("the authorization popup", () => {
  it("shows a connected board's state and disconnects it", async () => {
    const { page, popup } = await openAuthorization();
    await popup.getByRole("heading", { name: "This board is connected" }).waitFor();
    await expect(popup.locator(".connection-state").getAttribute("data-status")).resolves.toBe("ready");
    await popup.getByText(/actions, complete/).waitFor();
    await saveScreenshot(page, "authorize-popup-connected");

    await popup.getByRole("button", { name: "Disconnect" }).click();
    await popup.getByText("Disconnected. The service no longer reads this board.").waitFor();
    await popup.getByRole("button", { name: "Connect this board" }).waitFor();
    expect(await serviceConnection()).toMatchObject({ status: 404, body: { error: { code: "NOT_CONNECTED" } } });
  });

  it("connects the board through the real connect flow: the member's token and JWT reach the service", async () => {
    const { page, popup } = await openAuthorization();
    await popup.getByText("the service stores it encrypted").waitFor();
    await saveScreenshot(page, "authorize-popup");
    await popup.getByRole("button", { name: "Connect this board" }).click();
    await popup.getByText("Connected. The service is reading the board's history.").waitFor();
    await popup.getByRole("heading", { name: "This board is connected" }).waitFor();

    const connection = await serviceConnection();
    expect(connection.status).toBe(200);
    expect(["connecting", "syncing", "ready"]).toContain(connection.body.status);
    await stack.settle();
    expect(await serviceConnection()).toMatchObject({ status: 200, body: { status: "ready" } });
    // The page follows the first sync until it is complete.
    await popup
      .locator('.connection-state[data-status="ready"]')
      .getByText(/actions, complete/)
      .waitFor();
    // The browser logs the first GET's 404 (NOT_CONNECTED, how the service says "not yet"); nothing else went wrong.
    expect(opened!.errors.filter((error) => !error.includes("status of 404"))).toEqual([]);
  });
});
