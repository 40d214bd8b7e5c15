import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, which `.ci/run` installs; playwright-core drives it without downloading a browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-output/screenshots");

/** One Chromium per test file: start it in beforeAll, close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  /** Uncaught errors and console.error lines from the page and its iframes. */
  errors: string[];
  /** Requests to Trello's CDN, which the harness refuses (no network in tests; the dev host must not need it). */
  blockedRequests: string[];
}

/** A fresh browser context (own localStorage) with Trello's CDN blocked, on `url`. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blockedRequests: string[] = [];
  await context.route(/^https?:\/\/p\.trellocdn\.com\//, (route) => {
    blockedRequests.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  // Under Jest's 30 s test timeout, so a missing element fails with Playwright's message naming it.
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(url);
  return { page, errors, blockedRequests };
}

/** Saves a screenshot of the whole page (or only what the window shows) as test-output/screenshots/<name>.png; returns its path. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Grows the frame and the window to the page's whole height, so the screenshot shows all of it. */
export async function saveFrameScreenshot(page: Page, kind: "modal" | "popup", name: string): Promise<void> {
  const frame = await (await page.locator(`iframe[data-frame="${kind}"]`).elementHandle())!.contentFrame();
  const height = Number(await frame!.evaluate("document.documentElement.scrollHeight"));
  await page.evaluate(`document.querySelector('iframe[data-frame="${kind}"]').style.height = "${height}px"`);
  await page.setViewportSize({ width: 1280, height: height + 140 });
  await saveScreenshot(page, name);
}
