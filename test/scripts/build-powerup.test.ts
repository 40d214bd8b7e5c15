import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import request from "supertest";
import { projectRoot } from "../../server/powerup/project-root";
import { createTestApp, type TestApp } from "../support/test-app";

const ROOT = projectRoot();
const BUILT = path.join(ROOT, "dist", "powerup");
const PAGE_LIST = JSON.parse(fs.readFileSync(path.join(ROOT, "powerup", "pages", "pages.json"), "utf8")) as Record<
  string,
  { title: string; styles: string[] }
>;
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8")) as {
  name: string;
  connectorUrl: string;
};

/** The local files a built page loads, in order. */
function assetsOf(page: string): string[] {
  const html = fs.readFileSync(path.join(BUILT, `${page}.html`), "utf8");
  return [...html.matchAll(/(?:src|href)="\.\/([\w.-]+)"/g)].map((match) => match[1]!);
}

describe("the built Power-Up (npm run build, dist/powerup/)", () => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp();
  });
  afterAll(() => t.close());

  it("When built, then every page of pages.json has its HTML from the one template: title, stylesheets, config, bundle", () => {
    expect(Object.keys(PAGE_LIST).length).toBeGreaterThan(10);
    expect(`/powerup/${Object.keys(PAGE_LIST)[0]}.html`).toBe(MANIFEST.connectorUrl);
    for (const [page, { title, styles }] of Object.entries(PAGE_LIST)) {
      const html = fs.readFileSync(path.join(BUILT, `${page}.html`), "utf8");
      expect(html).toContain(`<title>${MANIFEST.name} — ${title}</title>`);
      const expected = [
        ...["loop", ...styles].map((style) => new RegExp(`^${style}\\.[A-Z0-9]{8}\\.css$`)),
        /^loop-config\.js$/,
        new RegExp(`^${page}\\.[A-Z0-9]{8}\\.js$`),
      ];
      const assets = assetsOf(page);
      expect(assets).toHaveLength(expected.length);
      assets.forEach((asset, i) => expect(asset).toMatch(expected[i]!));
      for (const asset of assets.filter((name) => name !== "loop-config.js"))
        expect(fs.existsSync(path.join(BUILT, asset))).toBe(true);
    }
  });

  it("When a content-named bundle or stylesheet is fetched, then it is compressed and cached for good; a page is revalidated", async () => {
    const named = assetsOf("milestone").filter((name) => name !== "loop-config.js");
    expect(named.map((name) => path.extname(name))).toEqual([".css", ".css", ".js"]);
    for (const file of named) {
      // supertest inflates the body for us: the header says what went over the wire.
      const res = await request(t.app).get(`/powerup/${file}`).set("accept-encoding", "gzip");
      expect(res.status).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.headers["content-encoding"]).toBe("gzip");
      expect(res.text).toBe(fs.readFileSync(path.join(BUILT, file), "utf8"));
    }
    const page = await request(t.app).get("/powerup/milestone.html").expect(200);
    expect(page.headers["cache-control"]).toBe("no-cache");
    const icon = await request(t.app).get("/powerup/icon.svg").expect(200);
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("When the connector is built, then its script stays within the 15 KB gzipped that Trello loads on every board", () => {
    const connector = assetsOf("connector").find((name) => name.endsWith(".js") && name !== "loop-config.js")!;
    expect(gzipSync(fs.readFileSync(path.join(BUILT, connector)), { level: 9 }).length).toBeLessThanOrEqual(15 * 1024);
  });
});
