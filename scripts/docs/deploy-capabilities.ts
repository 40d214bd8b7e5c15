import fs from "node:fs";
import path from "node:path";

const START = "<!-- capabilities:start (npm run docs:deploy writes this part from manifest.json) -->";
const END = "<!-- capabilities:end -->";

/** What each capability does for the PM, so the admin portal's switches are not switched on blind. */
const PURPOSE: Record<string, string> = {
  "authorization-status": "tells Trello whether this member has authorized the Power-Up",
  "board-buttons": "Stakeholders, Monthly report and Sprint buttons on the board",
  "card-back-section": "the Loop section on the back of a card",
  "card-badges": "badges on the front of cards (stakeholder, milestone, invoice, scope)",
  "card-buttons": "Roles, Scope, Milestone, Invoice, Log update and Sprint review buttons on a card",
  "card-detail-badges": "the same badges, on the open card",
  "on-enable": "the guide shown when the Power-Up is added to a board",
  "remove-data": "Trello's \"Remove personal data\": forgets this member's token",
  "show-authorization": "the Authorize popup: the board's connection and the member's own authorization",
  "show-settings": "the settings popup, with Set up this board",
};

/** The deploy guide's capabilities section, generated from manifest.json's capabilities (so the two cannot drift). */
export function capabilitiesSection(capabilities: readonly string[]): string {
  const rows = capabilities.map(
    (name) => `| \`${name}\` | ${PURPOSE[name] ?? "(describe it in scripts/docs/deploy-capabilities.ts)"} |`,
  );
  return [START, "", "| Capability | What it gives the board |", "|---|---|", ...rows, "", END].join("\n");
}

/** docs/deploy.md with its capabilities section replaced by the one manifest.json gives. */
export function withCapabilities(doc: string, capabilities: readonly string[]): string {
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from === -1 || to === -1) throw new Error("docs/deploy.md has no capabilities markers");
  return `${doc.slice(0, from)}${capabilitiesSection(capabilities)}${doc.slice(to + END.length)}`;
}

/** `npm run docs:deploy`: rewrites the capabilities section of docs/deploy.md from manifest.json. */
export function main(root: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "manifest.json"), "utf8")) as { capabilities: string[] };
  const file = path.join(root, "docs", "deploy.md");
  fs.writeFileSync(file, withCapabilities(fs.readFileSync(file, "utf8"), manifest.capabilities));
}
