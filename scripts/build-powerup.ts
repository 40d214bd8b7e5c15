import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export interface BuildPowerUpOptions {
  /** The repository root (holds powerup/ and scripts/dev-host/). */
  root: string;
  /** Where dist/powerup/ and dist/dev-host/ are written. */
  outDir: string;
}

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(dir, entry.name));
}

function copyInto(files: string[], outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of files) fs.copyFileSync(file, path.join(outDir, path.basename(file)));
}

/** Each entry becomes one self-contained script: Trello loads pages as plain <script> tags, no module loader. */
async function bundle(entryPoints: string[], outdir: string): Promise<void> {
  if (entryPoints.length === 0) return;
  await build({
    entryPoints,
    outdir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    sourcemap: true,
    logLevel: "warning",
  });
}

/**
 * Builds into a fresh folder beside `target`, then swaps it in, so a server already serving `target` (a running
 * demo, a test in progress) never sees it half-built or missing for more than a rename.
 */
async function buildInto(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const fresh = `${target}.building-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  await fill(fresh);
  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(fresh, target);
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Bundles the Power-Up pages (powerup/pages/*.ts → dist/powerup/<name>.js) with their HTML and static files,
 * and the dev host's page and fake Trello client (→ dist/dev-host/). The one place that knows esbuild.
 */
export async function buildPowerUp({ root, outDir }: BuildPowerUpOptions): Promise<void> {
  const pages = path.join(root, "powerup", "pages");
  await buildInto(path.join(outDir, "powerup"), async (dir) => {
    await bundle(filesIn(pages, (name) => name.endsWith(".ts") && !name.endsWith(".d.ts")), dir);
    copyInto(filesIn(pages, (name) => name.endsWith(".html")), dir);
    copyInto(filesIn(path.join(root, "powerup", "static"), () => true), dir);
  });

  const devHost = path.join(root, "scripts", "dev-host");
  await buildInto(path.join(outDir, "dev-host"), async (dir) => {
    await bundle([path.join(devHost, "browser", "dev-host.ts"), path.join(devHost, "browser", "power-up-client.ts")], dir);
    copyInto(filesIn(path.join(devHost, "static"), () => true), dir);
  });
}

if (require.main === module) {
  // npm runs scripts from the package root, the same on a fresh clone (`prepare`) as by hand.
  const root = process.cwd();
  buildPowerUp({ root, outDir: path.join(root, "dist") }).catch((err: unknown) => {
    process.stderr.write(`Power-Up build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
