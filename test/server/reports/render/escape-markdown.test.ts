import { escapeMarkdown } from "../../../../server/reports/render/escape-markdown";

describe("escapeMarkdown", () => {
  it.each([
    ["a lone carriage return", "Dana\r- not a list"],
    ["a Windows line ending", "Dana\r\n=== not a heading"],
    ["a Unicode line separator", "Dana\u2028# not a heading"],
  ])("keeps a name on one line across %s", (_what, name) => {
    const escaped = escapeMarkdown(name);
    expect(escaped).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(escaped.startsWith("Dana ")).toBe(true);
  });
});
