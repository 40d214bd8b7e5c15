import { ConfigError, loadConfig } from "../../../server/config/load-config";

const KEY = "0123456789abcdef".repeat(4);
const trelloEnv = { TRELLO_API_KEY: "k", TRELLO_API_SECRET: "s", TOKEN_ENCRYPTION_KEY: KEY };

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("applies DESIGN.md's defaults and runs in demo mode without Trello credentials", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: "demo",
      port: 3000,
      databasePath: "./data/loop.db",
      publicUrl: "http://localhost:3000",
      webhookCallbackUrl: "http://localhost:3000/webhooks/trello",
      trelloApiBase: "https://api.trello.com",
      logLevel: "info",
      trello: undefined,
    });
  });

  it("derives the default public URL from PORT and strips a trailing slash from PUBLIC_URL", () => {
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_URL: "https://loop.example.com/" }).webhookCallbackUrl).toBe("https://loop.example.com/webhooks/trello");
  });

  it("runs against Trello when key, secret and encryption key are set", () => {
    const config = loadConfig({ ...trelloEnv, TRELLO_API_BASE: "http://127.0.0.1:4000", LOG_LEVEL: "debug" });
    expect(config.mode).toBe("trello");
    expect(config.trello).toEqual({ apiKey: "k", apiSecret: "s" });
    expect(config.tokenEncryptionKey).toHaveLength(32);
    expect(config.trelloApiBase).toBe("http://127.0.0.1:4000");
    expect(config.logLevel).toBe("debug");
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ PUBLIC_URL: "loop.example.com" }, "PUBLIC_URL"],
    [{ TRELLO_API_BASE: "ftp://x" }, "TRELLO_API_BASE"],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    [{ TOKEN_ENCRYPTION_KEY: "abc" }, "TOKEN_ENCRYPTION_KEY"],
    [{ TRELLO_API_KEY: "k" }, "TRELLO_API_SECRET"],
    [{ TRELLO_API_SECRET: "s" }, "TRELLO_API_KEY"],
    [{ TRELLO_API_KEY: "k", TRELLO_API_SECRET: "s" }, "TOKEN_ENCRYPTION_KEY"],
  ])("refuses %j with a message naming %s", (env, variable) => {
    expect(problemsOf(env)).toContain(variable);
  });

  it("names every bad variable at once", () => {
    const message = problemsOf({ PORT: "x", LOG_LEVEL: "loud" });
    expect(message).toContain("PORT");
    expect(message).toContain("LOG_LEVEL");
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", TRELLO_API_KEY: "", TRELLO_API_SECRET: " " }).mode).toBe("demo");
  });
});
