import { ConfigError, loadConfig } from "../../../server/config/load-config";

const KEY = "0123456789abcdef".repeat(4);
const trelloEnv = {
  TRELLO_API_KEY: "k",
  TRELLO_API_SECRET: "s",
  TOKEN_ENCRYPTION_KEY: KEY,
  TRELLO_POWERUP_ID: "5e66784c606cb1160a8f5dc0",
};

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

  it("reads SMTP_URL and MAIL_FROM into the email configuration, with a From address from PUBLIC_URL by default", () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(
      loadConfig({ SMTP_URL: "smtp://u:p@mail.example.com:587", PUBLIC_URL: "https://loop.example.com" }).smtp,
    ).toEqual({
      url: "smtp://u:p@mail.example.com:587",
      from: "Stakeholder Loop <loop@loop.example.com>",
    });
    expect(loadConfig({ SMTP_URL: "smtps://mail.example.com", MAIL_FROM: "PM <pm@example.com>" }).smtp?.from).toBe(
      "PM <pm@example.com>",
    );
  });

  it("refuses an SMTP_URL that is not smtp(s), a MAIL_FROM without SMTP_URL, and a MAIL_FROM that is no address", () => {
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.com" })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ MAIL_FROM: "pm@example.com" })).toThrow(/MAIL_FROM is set but SMTP_URL is not/);
    expect(() => loadConfig({ SMTP_URL: "smtp://mail.example.com", MAIL_FROM: "nobody" })).toThrow(
      /MAIL_FROM must be an email address/,
    );
  });

  it("derives the default public URL from PORT and strips a trailing slash from PUBLIC_URL", () => {
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_URL: "https://loop.example.com/" }).webhookCallbackUrl).toBe(
      "https://loop.example.com/webhooks/trello",
    );
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
    [{ ...trelloEnv, TRELLO_POWERUP_ID: "" }, "TRELLO_POWERUP_ID"],
    [{ ...trelloEnv, TRELLO_POWERUP_ID: undefined }, "TRELLO_POWERUP_ID"],
    [{ ...trelloEnv, TRELLO_API_SECRET: undefined }, "TRELLO_API_SECRET"],
    [{ ...trelloEnv, PUBLIC_URL: "http://loop.example.com" }, "PUBLIC_URL"],
    [{ ...trelloEnv, PUBLIC_URL: "http://10.0.0.7:3000" }, "PUBLIC_URL"],
    [{ ...trelloEnv, PUBLIC_URL: "http://127.example.com" }, "PUBLIC_URL"],
  ])("refuses %j with a message naming %s", (env, variable) => {
    expect(problemsOf(env)).toContain(variable);
  });

  it.each([
    "http://localhost:3000",
    "http://127.0.0.1:8080",
    "http://127.20.3.4",
    "http://[::1]:3000",
    "https://loop.example.com",
  ])("outside the demo accepts the public URL %s (https, or plain http on a loopback address)", (url) => {
    expect(loadConfig({ ...trelloEnv, PUBLIC_URL: url }).publicUrl).toBe(url);
  });

  it("in the demo starts without a Power-Up id, on any public URL, and checks no Power-Up id", () => {
    const config = loadConfig({ PUBLIC_URL: "http://192.168.1.20:3000" });
    expect(config).toMatchObject({ mode: "demo", powerUpId: undefined });
  });

  it("names every unsafe setting outside the demo at once", () => {
    const message = problemsOf({ TRELLO_API_KEY: "k", TRELLO_API_SECRET: "s", PUBLIC_URL: "http://loop.example.com" });
    for (const variable of ["TOKEN_ENCRYPTION_KEY", "TRELLO_POWERUP_ID", "PUBLIC_URL"])
      expect(message).toContain(variable);
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
