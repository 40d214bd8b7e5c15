import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { pageHtml } from "./build-powerup/page-html";

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

interface PageEntry {
  title: string;
  /** Stylesheets of powerup/static/ (without ".css") after loop.css, which every page has. */
  styles: string[];
}

/** pages.json, checked against the entry scripts beside it: every page has exactly one of each. */
function readPageList(pages: string): Record<string, PageEntry> {
  const list = JSON.parse(fs.readFileSync(path.join(pages, "pages.json"), "utf8")) as Record<string, PageEntry>;
  const scripts = filesIn(pages, (name) => name.endsWith(".ts") && !name.endsWith(".d.ts")).map((file) =>
    path.basename(file, ".ts"),
  );
  const unlisted = scripts.filter((name) => !(name in list));
  const missing = Object.keys(list).filter((name) => !scripts.includes(name));
  if (unlisted.length || missing.length) {
    throw new Error(
      `powerup/pages/pages.json and the page scripts disagree: not listed ${unlisted.join(", ") || "-"}; no script ${missing.join(", ") || "-"}`,
    );
  }
  return list;
}

function copyInto(files: string[], outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of files) fs.copyFileSync(file, path.join(outDir, path.basename(file)));
}

/**
 * Each entry becomes one self-contained file (Trello loads pages as plain <script> tags, no module loader). With
 * `hashed`, names carry a hash of the content so they can be cached for good; returns entry name → file name.
 */
async function bundle(entryPoints: string[], outdir: string, hashed: boolean): Promise<Map<string, string>> {
  const built = new Map<string, string>();
  if (entryPoints.length === 0) return built;
  const { metafile } = await build({
    entryPoints,
    outdir,
    entryNames: hashed ? "[name].[hash]" : "[name]",
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  for (const [output, { entryPoint }] of Object.entries(metafile.outputs)) {
    if (entryPoint) built.set(path.basename(entryPoint), path.basename(output));
  }
  return built;
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
 * Bundles the Power-Up pages (powerup/pages/<name>.ts) and stylesheets (powerup/static/*.css) under content-hashed
 * names, writes each page's HTML from the one template (pages.json gives its title and stylesheets), copies the other
 * static files, and builds the dev host's page and fake Trello client (→ dist/dev-host/). The one place that knows
 * esbuild.
 */
export async function buildPowerUp({ root, outDir }: BuildPowerUpOptions): Promise<void> {
  const pages = path.join(root, "powerup", "pages");
  const statics = path.join(root, "powerup", "static");
  const list = readPageList(pages);
  const { name: appName } = JSON.parse(fs.readFileSync(path.join(root, "manifest.json"), "utf8")) as { name: string };
  await buildInto(path.join(outDir, "powerup"), async (dir) => {
    const scripts = await bundle(
      Object.keys(list).map((name) => path.join(pages, `${name}.ts`)),
      dir,
      true,
    );
    const styles = await bundle(
      filesIn(statics, (name) => name.endsWith(".css")),
      dir,
      true,
    );
    copyInto(
      filesIn(statics, (name) => !name.endsWith(".css")),
      dir,
    );
    const built = (map: Map<string, string>, file: string) => {
      const name = map.get(file);
      if (!name) throw new Error(`powerup: ${file} was not built (is it in powerup/static/?)`);
      return name;
    };
    for (const [name, page] of Object.entries(list)) {
      const html = pageHtml({
        appName,
        title: page.title,
        styles: ["loop", ...page.styles].map((style) => built(styles, `${style}.css`)),
        script: built(scripts, `${name}.ts`),
      });
      fs.writeFileSync(path.join(dir, `${name}.html`), html);
    }
  });

  const devHost = path.join(root, "scripts", "dev-host");
  await buildInto(path.join(outDir, "dev-host"), async (dir) => {
    await bundle(
      [path.join(devHost, "browser", "dev-host.ts"), path.join(devHost, "browser", "power-up-client.ts")],
      dir,
      false,
    );
    copyInto(
      filesIn(path.join(devHost, "static"), () => true),
      dir,
    );
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
