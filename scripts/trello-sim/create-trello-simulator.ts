import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createAdminRouter } from "./admin/create-admin-router";
import { createIdFactory } from "./model/object-id";
import { cors } from "./rest/cors";
import { createRestRouter } from "./rest/create-rest-router";
import { createSimCore } from "./sim-core";
import { createSimulatorApi } from "./simulator-api";
import type { SimInfo, TrelloSimulatorOptions } from "./simulator-types";

/** The URL to reach a server bound to `host` from this machine. */
function reachableHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** A faithful local Trello: REST under /1/, admin and seeding under /_sim/, and the same operations in-process. */
export function createTrelloSimulator(options: TrelloSimulatorOptions = {}) {
  const now = options.now ?? Date.now;
  const core = createSimCore({
    apiKey: options.apiKey ?? randomBytes(16).toString("hex"),
    apiSecret: options.apiSecret ?? randomBytes(32).toString("hex"),
    pluginId: options.pluginId ?? createIdFactory()(now()),
    token: options.token,
    now,
    member: options.member ?? { username: "simmember", fullName: "Sim Member" },
    rateLimits: options.rateLimits === false ? { enabled: false } : (options.rateLimits ?? {}),
    webhooks: options.webhooks ?? {},
    jwtModulusLength: options.jwtModulusLength ?? 2048,
  });
  if (options.faults) core.faults.set(options.faults);
  let server: Server | undefined;
  let baseUrl: string | undefined;
  const api = createSimulatorApi(core, () => baseUrl);

  const app = express();
  app.disable("x-powered-by");
  app.use(cors);
  app.use("/1", createRestRouter(core));
  app.use("/_sim", createAdminRouter(api));

  return Object.assign(api, {
    /** The Express app (for supertest, or to mount elsewhere). */
    app,
    /** Starts serving; port 0 picks a free port. Resolves with the info the CLI prints. */
    listen(port = 0, host = "127.0.0.1"): Promise<SimInfo> {
      if (server) return Promise.reject(new Error("The simulator is already listening"));
      return new Promise((resolve, reject) => {
        const started = app.listen(port, host, (err?: Error) => {
          if (err) {
            server = undefined;
            return reject(err);
          }
          baseUrl = `http://${reachableHost(host)}:${(started.address() as AddressInfo).port}`;
          resolve(api.info());
        });
        server = started;
      });
    },
    /** Stops serving and delivering, and closes every connection it holds. */
    async close(): Promise<void> {
      core.deliverer.close();
      core.agents.destroy();
      const stopping = server;
      server = undefined;
      baseUrl = undefined;
      if (!stopping) return;
      await new Promise<void>((resolve) => {
        stopping.close(() => resolve());
        stopping.closeAllConnections();
      });
    },
  });
}

export type TrelloSimulator = ReturnType<typeof createTrelloSimulator>;
