import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions by stage, continuation lines joined and comments dropped. */
function dockerStages(text: string): { name: string; base: string; instructions: Instruction[] }[] {
  const lines = text
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const stages: { name: string; base: string; instructions: Instruction[] }[] = [];
  for (const line of lines) {
    const [, keyword = "", args = ""] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const [, base = "", name = ""] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name, base, instructions: [] });
    } else {
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** `dist/<x>.js` exists once built because `<x>.ts` is in the sources tsc compiles. */
const compiledFrom = (distFile: string) => path.join(ROOT, distFile.replace(/^dist\//, "").replace(/\.js$/, ".ts"));

describe("deploy/Dockerfile", () => {
  const stages = dockerStages(read("deploy/Dockerfile"));
  const [build, final] = [stages[0]!, stages.at(-1)!];
  const of = (stage: typeof build, keyword: string) =>
    stage.instructions.filter((instruction) => instruction.keyword === keyword).map((i) => i.args);

  it("builds in two stages on the same Node 20 base, the final one slim", () => {
    expect(stages).toHaveLength(2);
    expect(build.base).toMatch(/^node:20-bookworm$/);
    expect(final.base).toBe(`${build.base}-slim`);
    expect(build.name).toBe("build");
  });

  it("compiles better-sqlite3 in the build stage and installs production dependencies only in the final one, taking the addon from the build", () => {
    expect(of(build, "RUN").join("\n")).toMatch(/npm rebuild better-sqlite3/);
    const finalRuns = of(final, "RUN").join("\n");
    expect(finalRuns).toMatch(/npm ci --omit=dev --ignore-scripts/);
    expect(finalRuns).not.toMatch(/npm (run )?build|rebuild/);
    expect(of(final, "COPY")).toContain(
      "--from=build /app/node_modules/better-sqlite3/build ./node_modules/better-sqlite3/build",
    );
    // Only better-sqlite3 among the production dependencies needs an install script (checked against the lockfile).
    const lock = JSON.parse(read("package-lock.json")) as {
      packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
    };
    const scripted = Object.entries(lock.packages)
      .filter(([name, entry]) => name && entry.hasInstallScript && !entry.dev)
      .map(([name]) => name);
    expect(scripted).toEqual(["node_modules/better-sqlite3"]);
  });

  it("runs as the unprivileged node user with the database on a volume, and checks /healthz", () => {
    expect(of(final, "USER")).toEqual(["node"]);
    const env = of(final, "ENV").join(" ");
    const databasePath = /DATABASE_PATH=(\S+)/.exec(env)?.[1];
    expect(databasePath).toBeDefined();
    expect(of(final, "VOLUME")).toEqual([`["${path.posix.dirname(databasePath!)}"]`]);
    expect(of(final, "RUN").join("\n")).toContain(`chown node:node ${path.posix.dirname(databasePath!)}`);
    expect(of(final, "HEALTHCHECK").join("")).toMatch(/\/healthz/);
    expect(of(final, "EXPOSE")).toEqual([/PORT=(\d+)/.exec(env)![1]]);
  });

  it("copies only files the repository has, runs only npm scripts package.json has, and starts what npm start starts", () => {
    for (const stage of stages) {
      for (const args of of(stage, "COPY").filter((copy) => !copy.startsWith("--from"))) {
        const sources = args.split(/\s+/).slice(0, -1);
        for (const source of sources) expect([source, fs.existsSync(path.join(ROOT, source))]).toEqual([source, true]);
      }
    }
    for (const stage of stages) {
      for (const [, script] of of(stage, "RUN")
        .join("\n")
        .matchAll(/npm run (\S+)/g))
        expect(Object.keys(scripts)).toContain(script);
    }
    const cmd = JSON.parse(of(final, "CMD")[0]!) as string[];
    expect(cmd.join(" ")).toBe(scripts.start);
    expect(fs.existsSync(compiledFrom(cmd[1]!))).toBe(true);
    // What the final stage takes from the build stage is what the build makes.
    expect(scripts.build).toMatch(/^tsc -p tsconfig.build.json/);
    expect((JSON.parse(read("tsconfig.json")) as { compilerOptions: { outDir: string } }).compilerOptions.outDir).toBe(
      "dist",
    );
  });

  it("leaves what is built or stored out of the build context", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .map((line) => line.trim());
    for (const entry of ["node_modules", "dist", "data", ".git", "*.db", ".env"]) expect(ignored).toContain(entry);
  });
});

describe("deploy/stakeholder-loop.service", () => {
  const unit = read("deploy/stakeholder-loop.service");
  const value = (key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(unit)?.[1];

  it("passes systemd-analyze verify without a warning", () => {
    const result = spawnSync("systemd-analyze", ["verify", path.join(ROOT, "deploy/stakeholder-loop.service")], {
      encoding: "utf8",
    });
    expect(result.error).toBeUndefined();
    expect({ status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({
      status: 0,
      stderr: "",
      stdout: "",
    });
  });

  it("starts what npm start starts, as a non-root user, writing only to its state directory", () => {
    const [node, ...args] = value("ExecStart")!.split(" ");
    expect(node).toBe("/usr/bin/node");
    expect(["node", ...args].join(" ")).toBe(scripts.start);
    expect(fs.existsSync(compiledFrom(args[0]!))).toBe(true);
    expect(value("User")).not.toMatch(/^(root|0)?$/);
    expect(value("ProtectSystem")).toBe("strict");
    expect(value("StateDirectory")).toBe("stakeholder-loop");
    expect(value("EnvironmentFile")).toBe("/etc/stakeholder-loop.env");
  });

  it("is the unit, and the Dockerfile, the deploy guide points to", () => {
    const guide = read("docs/deploy.md");
    expect(guide).toContain("(../deploy/stakeholder-loop.service)");
    expect(guide).toContain("(../deploy/Dockerfile)");
    expect(guide).toContain("docker build -f deploy/Dockerfile");
    expect(guide).toContain(`DATABASE_PATH=/var/lib/${value("StateDirectory")}/`);
  });
});
