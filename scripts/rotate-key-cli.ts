import fs from "node:fs";
import { Command, CommanderError } from "commander";
import { z } from "zod";
import { RotationRefusedError, rotateTokenKey } from "../server/auth/rotate-token-key";
import { createTokenCipher } from "../server/auth/token-cipher";
import { databasePathFrom } from "../server/config/load-config";
import { createStore } from "../server/store/create-store";
import { openDatabase } from "../server/store/open-database";

export interface RotateKeyIo {
  env: NodeJS.ProcessEnv;
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
}

class UsageError extends Error {}

const hexKey = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/);

/** A 32-byte key from a variable (never an argument: arguments show in the process list). */
function keyFrom(env: NodeJS.ProcessEnv, name: string): Buffer {
  const parsed = hexKey.safeParse(env[name] ?? "");
  if (!parsed.success) throw new UsageError(`${name} must be set to 64 hex characters (32 bytes)`);
  return Buffer.from(parsed.data, "hex");
}

/**
 * `npm run rotate-key`: re-encrypts every stored token in DATABASE_PATH from OLD_TOKEN_ENCRYPTION_KEY to
 * TOKEN_ENCRYPTION_KEY, in one transaction. Returns the exit code.
 */
export async function runRotateKeyCli(args: string[], io: RotateKeyIo): Promise<number> {
  const program = new Command("rotate-key")
    .description(
      "Re-encrypt every stored member token from OLD_TOKEN_ENCRYPTION_KEY to TOKEN_ENCRYPTION_KEY (in DATABASE_PATH).",
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    program.parse(args, { from: "user" });
    const from = keyFrom(io.env, "OLD_TOKEN_ENCRYPTION_KEY");
    const to = keyFrom(io.env, "TOKEN_ENCRYPTION_KEY");
    if (from.equals(to))
      throw new UsageError("OLD_TOKEN_ENCRYPTION_KEY and TOKEN_ENCRYPTION_KEY are the same key: nothing to rotate");
    const databasePath = databasePathFrom(io.env);
    if (!fs.existsSync(databasePath))
      throw new UsageError(`No database at ${databasePath}: set DATABASE_PATH to the service's database`);
    const db = openDatabase(databasePath);
    try {
      const result = rotateTokenKey(createStore(db), createTokenCipher(from), createTokenCipher(to));
      io.stdout(`${JSON.stringify(result)}\n`);
      io.stderr(
        `rotate-key: ${result.rotated} token(s) now sealed with TOKEN_ENCRYPTION_KEY; restart the service with it\n`,
      );
    } finally {
      db.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr(`rotate-key: ${err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof UsageError || err instanceof RotationRefusedError ? 2 : 1;
  }
}
