import type { Browser } from "playwright-core";
import { launchBrowser, openPage, type OpenedPage } from "./browser";
import { startDevHostStack, type DevHostStack } from "./dev-host-stack";

export interface DevHostSuite {
  readonly browser: Browser;
  readonly stack: DevHostStack;
  /** Opens the dev host in a fresh browser context (closed again after the test), with its error log. */
  openDevHost(): Promise<OpenedPage>;
}

/**
 * One Chromium and one dev-host stack for a test file (seeded once by `seed`), and a fresh page per test whose
 * context is closed after it. Steps wait up to 20 s: the tests share a busy 2-core machine.
 */
export function useDevHostSuite(seed?: (stack: DevHostStack) => void | Promise<void>): DevHostSuite {
  let browser: Browser | undefined;
  let stack: DevHostStack | undefined;
  let opened: OpenedPage | undefined;
  jest.setTimeout(60_000);

  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startDevHostStack()]);
    await seed?.(stack);
  }, 60_000);
  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  return {
    get browser() {
      return browser!;
    },
    get stack() {
      return stack!;
    },
    async openDevHost() {
      opened = await openPage(browser!, stack!.devHostUrl);
      opened.page.setDefaultTimeout(20_000);
      return opened;
    },
  };
}
