import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { createApp, type AppDeps } from "../../../server/app";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import { openDatabase } from "../../../server/store/open-database";
import { makeTempDir } from "../../support/test-app";
import { unreachableTrello } from "../../support/unreachable-trello";

const PAGES = path.resolve(__dirname, "../../fixtures/powerup-pages");
const MANIFEST = path.resolve(__dirname, "../../../manifest.json");

function appWith(env: NodeJS.ProcessEnv, powerUp: AppDeps["powerUp"]) {
  const temp = makeTempDir();
  const config = loadConfig({ DATABASE_PATH: path.join(temp.dir, "loop.db"), LOG_LEVEL: "silent", ...env });
  const db = openDatabase(config.databasePath);
  const app = createApp({ config, db, log: createLogger("silent"), trello: unreachableTrello(), powerUp });
  return { app, close: () => (db.close(), temp.remove()) };
}

describe("the /powerup/ router", () => {
  const withTrello = appWith(
    {
      TRELLO_API_KEY: "key-123",
      TRELLO_API_SECRET: "secret",
      TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
      TRELLO_POWERUP_ID: "5f00000000000000000000aa",
      PUBLIC_URL: "https://loop.example.test",
    },
    { dir: PAGES },
  );
  const demo = appWith(
    { PUBLIC_URL: "http://localhost:3999" },
    { dir: PAGES, trelloClientScript: "/dev-host/power-up-client.js" },
  );
  afterAll(() => {
    withTrello.close();
    demo.close();
  });

  it("serves a page exactly as built when no client script replaces Trello's", async () => {
    const res = await request(withTrello.app).get("/powerup/probe.html").expect(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.text).toBe(fs.readFileSync(path.join(PAGES, "probe.html"), "utf8"));
  });

  it("serves pages with the dev host's client script instead of Trello's, and without Trello's stylesheet", async () => {
    const res = await request(demo.app).get("/powerup/probe.html").expect(200);
    expect(res.text).toContain('<script src="/dev-host/power-up-client.js"></script>');
    expect(res.text).not.toContain("p.trellocdn.com");
    expect(res.text).toContain('<link rel="stylesheet" href="./loop.css">');
    expect(res.text).toContain('<script src="./loop-config.js"></script>');
  });

  it("generates loop-config.js from the API key and TRELLO_API_BASE", async () => {
    const res = await request(withTrello.app).get("/powerup/loop-config.js").expect(200);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.text).toBe(
      'window.LOOP_CONFIG = {"appKey":"key-123","appName":"Stakeholder Loop","trelloApiBase":"https://api.trello.com"};\n',
    );
  });

  it("gives the pages a null appKey in demo mode", async () => {
    const res = await request(demo.app).get("/powerup/loop-config.js").expect(200);
    const config = JSON.parse(res.text.replace(/^window\.LOOP_CONFIG = /, "").replace(/;\n$/, "")) as Record<
      string,
      unknown
    >;
    expect(config).toEqual({ appKey: null, appName: "Stakeholder Loop", trelloApiBase: "https://api.trello.com" });
  });

  it("serves the repository's manifest.json", async () => {
    const res = await request(withTrello.app).get("/powerup/manifest.json").expect(200);
    expect(res.body).toEqual(JSON.parse(fs.readFileSync(MANIFEST, "utf8")));
  });

  it("serves the pages' scripts and stylesheets as static files", async () => {
    const res = await request(demo.app).get("/powerup/probe.js").expect(200);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.text).toContain("window.probeT");
    await request(demo.app)
      .get("/powerup/loop.css")
      .expect(200)
      .expect("content-type", /text\/css/);
  });

  it.each([
    "/powerup/missing.html",
    "/powerup/nothing.js",
    "/powerup/../package.json",
    "/powerup/%2e%2e/manifest.json",
  ])("answers %s with the project's JSON 404", async (url) => {
    const res = await request(demo.app).get(url).expect(404);
    expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  });
});
