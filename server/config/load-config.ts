import { z } from "zod";
import { isSafePublicUrl } from "./is-safe-public-url";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Treats an empty variable as unset, the way shells and .env files usually mean it. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const httpUrl = (name: string) =>
  z
    .string()
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), `${name} must be an http(s) URL`)
    .transform((value) => value.replace(/\/+$/, ""));

const envSchema = z.object({
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "PORT must be a whole number from 0 to 65535")
      .transform(Number)
      .refine((port) => port <= 65535, "PORT must be a whole number from 0 to 65535")
      .optional(),
  ),
  DATABASE_PATH: optionalText,
  PUBLIC_URL: optionalText.pipe(httpUrl("PUBLIC_URL").optional()),
  TRELLO_API_KEY: optionalText,
  TRELLO_API_SECRET: optionalText,
  TRELLO_API_BASE: optionalText.pipe(httpUrl("TRELLO_API_BASE").optional()),
  TOKEN_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, "TOKEN_ENCRYPTION_KEY must be 64 hex characters (32 bytes)")
      .optional(),
  ),
  TRELLO_POWERUP_ID: optionalText,
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => /^smtps?:\/\//.test(value) && URL.canParse(value),
        "SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@host:587)",
      )
      .optional(),
  ),
  MAIL_FROM: optionalText,
  LOG_LEVEL: optionalText.pipe(
    z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
  ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface TrelloCredentials {
  apiKey: string;
  apiSecret: string;
}

/** Where email goes out: an SMTP server (its URL holds the credentials, so it is never logged) and the From address. */
export interface SmtpConfig {
  url: string;
  from: string;
}

export interface Config {
  /** "demo" runs against the bundled Trello simulator; "trello" against TRELLO_API_BASE with real credentials. */
  mode: "demo" | "trello";
  port: number;
  databasePath: string;
  publicUrl: string;
  /** The webhook callback URL exactly as registered with Trello; signatures are computed over it. */
  webhookCallbackUrl: string;
  trello: TrelloCredentials | undefined;
  trelloApiBase: string;
  tokenEncryptionKey: Buffer | undefined;
  /** Member JWTs must carry this idPlugin and other Power-Ups' pluginData is dropped; always set outside the demo. */
  powerUpId: string | undefined;
  /** Email delivery; unset, updates go by chat only (the demo starts its own capturing SMTP server). */
  smtp: SmtpConfig | undefined;
  logLevel: LogLevel;
}

/** Raised when the environment cannot start the service; the message names each bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export const WEBHOOK_PATH = "/webhooks/trello";

export const DEFAULT_DATABASE_PATH = "./data/loop.db";

/** DATABASE_PATH alone, for tools such as the report CLI that need the store and nothing else. */
export function databasePathFrom(env: NodeJS.ProcessEnv): string {
  return env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH;
}

/** What stops a service with real Trello credentials from starting; the demo needs none of it. */
function unsafeOutsideDemo(vars: z.infer<typeof envSchema>, publicUrl: string): string[] {
  const problems: string[] = [];
  if (!vars.TOKEN_ENCRYPTION_KEY) {
    problems.push(
      "TOKEN_ENCRYPTION_KEY is required when TRELLO_API_KEY and TRELLO_API_SECRET are set (64 hex characters)",
    );
  }
  if (!vars.TRELLO_POWERUP_ID) {
    problems.push(
      "TRELLO_POWERUP_ID is required when TRELLO_API_KEY and TRELLO_API_SECRET are set (the Power-Up's id from Trello's admin portal), " +
        "so member tokens and pluginData of other Power-Ups on a board are refused",
    );
  }
  if (!isSafePublicUrl(publicUrl)) {
    problems.push(
      `PUBLIC_URL must use https unless it is a loopback address (localhost, 127.0.0.0/8, ::1): ${publicUrl} would carry member tokens in clear`,
    );
  }
  return problems;
}

/** Reads and validates the service configuration from an environment (process.env in production, a plain object in tests). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? "environment");
        return issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`;
      }),
    );
  }
  const vars = parsed.data;
  const problems: string[] = [];
  if (Boolean(vars.TRELLO_API_KEY) !== Boolean(vars.TRELLO_API_SECRET)) {
    const missing = vars.TRELLO_API_KEY ? "TRELLO_API_SECRET" : "TRELLO_API_KEY";
    problems.push(
      `${missing} must be set together with ${missing === "TRELLO_API_KEY" ? "TRELLO_API_SECRET" : "TRELLO_API_KEY"}`,
    );
  }
  const mode = vars.TRELLO_API_KEY && vars.TRELLO_API_SECRET ? "trello" : "demo";
  const port = vars.PORT ?? 3000;
  const publicUrl = vars.PUBLIC_URL ?? `http://localhost:${port}`;
  // Outside the demo the service holds tokens that write to boards: nothing may default to open.
  if (mode === "trello") problems.push(...unsafeOutsideDemo(vars, publicUrl));
  if (vars.MAIL_FROM && !vars.SMTP_URL)
    problems.push("MAIL_FROM is set but SMTP_URL is not: set SMTP_URL too, or unset MAIL_FROM");
  if (vars.MAIL_FROM && !/^(?:[^<>@]*<)?[^\s<>@]+@[^\s<>@]+>?$/.test(vars.MAIL_FROM)) {
    problems.push('MAIL_FROM must be an email address, optionally with a name: "Stakeholder Loop <loop@example.com>"');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    port,
    databasePath: vars.DATABASE_PATH ?? DEFAULT_DATABASE_PATH,
    publicUrl,
    webhookCallbackUrl: `${publicUrl}${WEBHOOK_PATH}`,
    trello: mode === "trello" ? { apiKey: vars.TRELLO_API_KEY!, apiSecret: vars.TRELLO_API_SECRET! } : undefined,
    trelloApiBase: vars.TRELLO_API_BASE ?? "https://api.trello.com",
    tokenEncryptionKey: vars.TOKEN_ENCRYPTION_KEY ? Buffer.from(vars.TOKEN_ENCRYPTION_KEY, "hex") : undefined,
    powerUpId: vars.TRELLO_POWERUP_ID,
    smtp: vars.SMTP_URL
      ? { url: vars.SMTP_URL, from: vars.MAIL_FROM ?? `Stakeholder Loop <loop@${new URL(publicUrl).hostname}>` }
      : undefined,
    logLevel: vars.LOG_LEVEL ?? "info",
  };
}
