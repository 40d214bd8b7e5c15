import fs from "node:fs/promises";
import path from "node:path";
import compression from "compression";
import express, { Router } from "express";
import { AppError, ErrorCode } from "../http/app-error";
import { loopConfigScript, type LoopConfig } from "./loop-config-script";
import { useTrelloClientScript } from "./use-trello-client-script";

export interface PowerUpRouterOptions {
  /** The built pages (dist/powerup/). */
  dir: string;
  /** The Power-Up's descriptor (manifest.json at the repository root). */
  manifestPath: string;
  config: LoopConfig;
  /** When set (demo, dev host), pages load this script instead of Trello's power-up.min.js. */
  trelloClientScript?: string;
  /** Serve the bundles' source maps (the demo only: they carry the TypeScript sources). */
  sourceMaps?: boolean;
}

const PAGE = /^\/([\w-]+)\.html$/;
/** A bundle or stylesheet named for its content by the build ("milestone.CIWMTQRS.js"): it never changes under that name. */
const CONTENT_NAMED = /\.[A-Z0-9]{8}\.(?:js|css)(?:\.map)?$/;
const FOREVER = "public, max-age=31536000, immutable";

/** `/powerup/`: the Power-Up's iframe pages, their scripts and static files, loop-config.js and manifest.json. */
export function createPowerUpRouter({
  dir,
  manifestPath,
  config,
  trelloClientScript,
  sourceMaps = false,
}: PowerUpRouterOptions): Router {
  const router = Router();
  const powerUp = Router();
  const configScript = loopConfigScript(config);
  // Pages, bundles and stylesheets go out compressed (gzip or brotli, as the browser accepts).
  powerUp.use(compression());

  powerUp.get("/loop-config.js", (_req, res) => {
    res.type("application/javascript").set("cache-control", "no-cache").send(configScript);
  });
  powerUp.get("/manifest.json", (_req, res) => {
    res.set("cache-control", "no-cache").sendFile(path.resolve(manifestPath));
  });
  if (trelloClientScript) {
    powerUp.get(PAGE, async (req, res, next) => {
      const name = PAGE.exec(req.path)![1]!;
      const html = await fs.readFile(path.join(dir, `${name}.html`), "utf8").catch(() => undefined);
      if (html === undefined) return next();
      res.type("html").set("cache-control", "no-cache").send(useTrelloClientScript(html, trelloClientScript));
    });
  }
  if (!sourceMaps) {
    powerUp.get(/\.map$/i, (req, _res, next) => {
      next(new AppError(404, ErrorCode.NotFound, `No Power-Up file at /powerup${req.path}`));
    });
  }
  // Content-named files are cached for good; pages, the icon and anything else are revalidated, so a deploy shows at once.
  powerUp.use(
    express.static(dir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, file) => res.set("cache-control", CONTENT_NAMED.test(file) ? FOREVER : "no-cache"),
    }),
  );
  powerUp.use((req, _res, next) => {
    next(new AppError(404, ErrorCode.NotFound, `No Power-Up file at /powerup${req.path}`));
  });

  router.use("/powerup", powerUp);
  return router;
}
