import fs from "node:fs";
import path from "node:path";
import { capabilitiesSection, withCapabilities } from "../../../scripts/docs/deploy-capabilities";

const ROOT = path.resolve(__dirname, "../../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

describe("docs/deploy.md", () => {
  const doc = read("docs/deploy.md");
  const manifest = JSON.parse(read("manifest.json")) as { capabilities: string[]; connectorUrl: string };

  it("lists exactly manifest.json's capabilities (npm run docs:deploy keeps them in step)", () => {
    expect(withCapabilities(doc, manifest.capabilities)).toBe(doc);
    for (const capability of manifest.capabilities)
      expect(capabilitiesSection(manifest.capabilities)).toContain(`| \`${capability}\` |`);
    expect(capabilitiesSection(manifest.capabilities)).not.toContain("(describe it");
  });

  it("names the connector URL the manifest gives and only npm scripts the project has", () => {
    expect(doc).toContain(`PUBLIC_URL${manifest.connectorUrl}`);
    const scripts = Object.keys((JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts);
    const named = [...doc.matchAll(/npm (?:run |start)([\w:-]*)/g)].map((match) => match[1] || "start");
    expect(named.length).toBeGreaterThan(3);
    for (const script of named) expect(scripts).toContain(script);
  });
});
