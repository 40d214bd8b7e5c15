import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

const ROOT = path.resolve(__dirname, "../../..");
const MAIN = path.join(ROOT, "dist/scripts/trello-sim/main.js");

/** Starts the built CLI (jest's global setup runs `npm run build` first) and resolves with its first stdout line. */
function start(args: string[]): { child: ChildProcessWithoutNullStreams; firstLine: Promise<string> } {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT });
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`trello-sim exited with ${code} before printing`)));
  });
  return { child, firstLine };
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("npm run trello-sim", () => {
  it("prints {baseUrl, key, secret, token, memberId} first, serves Trello's API with them, and exits 0 on SIGTERM", async () => {
    const { child, firstLine } = start(["--port", "0"]);
    try {
      const info = JSON.parse(await firstLine);
      expect(Object.keys(info)).toEqual(["baseUrl", "key", "secret", "token", "memberId"]);
      expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.key).toMatch(/^[0-9a-f]{32}$/);
      expect(info.secret).toMatch(/^[0-9a-f]{64}$/);
      const me = await fetch(`${info.baseUrl}/1/members/me?key=${info.key}&token=${info.token}`);
      expect(me.status).toBe(200);
      expect(((await me.json()) as { id: string }).id).toBe(info.memberId);
      const board = await fetch(`${info.baseUrl}/1/boards?key=${info.key}&token=${info.token}&name=From%20the%20CLI`, {
        method: "POST",
      });
      expect(((await board.json()) as { name: string }).name).toBe("From the CLI");
    } finally {
      const exited = exitCode(child);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });

  it("uses the key, secret and token it is given, and exits 0 on SIGINT", async () => {
    const key = "a".repeat(32);
    const secret = "b".repeat(64);
    const token = "c".repeat(64);
    const { child, firstLine } = start([
      "--port",
      "0",
      "--key",
      key,
      "--secret",
      secret,
      "--token",
      token,
      "--no-rate-limits",
    ]);
    const info = JSON.parse(await firstLine);
    expect(info).toMatchObject({ key, secret, token });
    const res = await fetch(`${info.baseUrl}/1/members/me?key=${key}&token=${token}`);
    expect(res.headers.get("x-rate-limit-api-token-remaining")).toBeNull();
    const exited = exitCode(child);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("refuses a malformed option with exit code 2", async () => {
    const child = spawn(process.execPath, [MAIN, "--port", "-3"], { cwd: ROOT });
    expect(await exitCode(child)).toBe(2);
  });
});
