import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { createApp } from "../../../server/app";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import { projectRoot } from "../../../server/powerup/project-root";
import { openDatabase } from "../../../server/store/open-database";
import { createTestApp, makeTempDir, type TestApp } from "../../support/test-app";
import { unreachableTrello } from "../../support/unreachable-trello";

const BOARD = "5e93ba98614ac22d22f085c4";
const BUILT = path.join(projectRoot(), "dist", "powerup");
const pages = () => fs.readdirSync(BUILT).filter((name) => name.endsWith(".html"));

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Record<string, string[]> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("security headers", () => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp();
  });
  afterAll(() => t.close());

  it("When any Power-Up page is served, then its CSP runs only our and Trello's scripts, and only Trello may frame it", async () => {
    expect(pages().length).toBeGreaterThan(10);
    for (const page of pages()) {
      const res = await request(t.app).get(`/powerup/${page}`).expect(200);
      const csp = directives(res.headers["content-security-policy"]);
      expect(csp["script-src"]).toEqual(["'self'", "https://p.trellocdn.com"]);
      expect(csp["default-src"]).toEqual(["'self'"]);
      expect(csp["object-src"]).toEqual(["'none'"]);
      expect(csp["frame-ancestors"]).toEqual(["https://trello.com", "https://*.trello.com"]);
      expect(csp["connect-src"]).toEqual(["'self'", "https://api.trello.com"]);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      // Trello frames the pages; X-Frame-Options cannot name it, so only frame-ancestors speaks.
      expect(res.headers["x-frame-options"]).toBeUndefined();
    }
  });

  it("When a Power-Up script, stylesheet or the icon is served, then it has the pages' CSP and may be loaded by Trello", async () => {
    const connector = fs.readFileSync(path.join(BUILT, "connector.html"), "utf8");
    const built = [...connector.matchAll(/(?:src|href)="\.\/([\w.-]+\.(?:js|css))"/g)].map((match) => match[1]!);
    expect(built).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^connector\.\w+\.js$/),
        expect.stringMatching(/^loop\.\w+\.css$/),
      ]),
    );
    for (const file of [...built, "icon.svg", "manifest.json"]) {
      const res = await request(t.app).get(`/powerup/${file}`).expect(200);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
      expect(directives(res.headers["content-security-policy"])["script-src"]).not.toContain("'unsafe-inline'");
    }
  });

  it("When the service runs outside the demo, then no source map is served", async () => {
    const maps = fs.readdirSync(BUILT).filter((name) => name.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(0);
    const res = await request(t.app).get(`/powerup/${maps[0]}`).expect(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
    expect(res.text).not.toContain("sourcesContent");
  });

  it.each([
    ["GET", "/healthz"],
    ["POST", "/webhooks/trello"],
    ["GET", `/api/boards/${BOARD}/connection`],
    ["GET", "/nowhere"],
    ["GET", "/powerup/missing.html"],
  ])("When %s %s is answered, then it carries nosniff", async (method, url) => {
    const res = await request(t.app)[method === "GET" ? "get" : "post"](url);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it.each([
    ["GET", `/api/boards/${BOARD}/connection`],
    ["GET", `/api/boards/${BOARD}/reports/monthly?month=2026-03`],
    ["POST", `/api/boards/${BOARD}/plugin-data/refresh`],
    ["GET", "/api/anything"],
  ])("When the API answers %s %s, then nothing may cache or frame it", async (method, url) => {
    const res = await request(t.app)[method === "GET" ? "get" : "post"](url);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(directives(res.headers["content-security-policy"])).toEqual({
      "default-src": ["'none'"],
      "frame-ancestors": ["'none'"],
    });
  });
});

describe("security headers in the demo (dev host mounted)", () => {
  const temp = makeTempDir();
  const config = loadConfig({
    DATABASE_PATH: path.join(temp.dir, "loop.db"),
    LOG_LEVEL: "silent",
    TRELLO_API_BASE: "http://127.0.0.1:4010",
  });
  const db = openDatabase(config.databasePath);
  const app = createApp({
    config,
    db,
    log: createLogger("silent"),
    trello: unreachableTrello(),
    devHost: (_req, _res, next) => next(),
  });
  afterAll(() => {
    db.close();
    temp.remove();
  });

  it("When a page is served, then the dev host (this origin) may frame it and its scripts may call the simulator", async () => {
    const res = await request(app).get("/powerup/report.html").expect(200);
    const csp = directives(res.headers["content-security-policy"]);
    expect(csp["frame-ancestors"]).toEqual(["https://trello.com", "https://*.trello.com", "'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'", "http://127.0.0.1:4010"]);
    expect(csp["script-src"]).toEqual(["'self'", "https://p.trellocdn.com"]);
  });

  it("When a source map is asked for, then it is served for debugging", async () => {
    const map = fs.readdirSync(BUILT).find((name) => name.endsWith(".map"))!;
    const res = await request(app).get(`/powerup/${map}`).expect(200);
    expect(res.text).toContain("sourcesContent");
  });
});
