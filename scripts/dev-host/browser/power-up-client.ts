import { createIframeT } from "./create-iframe-t";
import { readFrameHash } from "./frame-hash";
import type { DevHostBridge, FrameContext } from "./host-bridge";

/**
 * The dev host's stand-in for Trello's power-up.min.js: the same `window.TrelloPowerUp` API, served in its
 * place (`trelloClientScript`), so the Power-Up's pages run unchanged on the simulator.
 */
function findHost(): DevHostBridge {
  const host = window.top?.loopDevHost;
  if (!host) throw new Error("No dev host: open this page from /dev-host/, which stands in for Trello");
  return host;
}

type Handler = (t: unknown, options: Record<string, unknown>) => unknown;

const TrelloPowerUp = {
  version: "dev-host",
  Promise,
  iframe(_options?: { appKey?: string | null; appName?: string }) {
    return createIframeT(findHost(), readFrameHash(window.location.hash), window);
  },
  initialize(handlers: Record<string, Handler | undefined>, _options?: { appKey?: string | null; appName?: string }) {
    const host = findHost();
    const tFor = (context: FrameContext) => createIframeT(host, { context, args: {} }, window);
    host.registerConnector({
      async call(capability, context, options = {}) {
        const handler = handlers[capability];
        return typeof handler === "function" ? handler(tFor({ ...context, command: capability }), options) : undefined;
      },
      t: tFor,
    });
    return { handlers };
  },
  restApiError: (message?: string) => Object.assign(new Error(message), { name: "RestApiError" }),
};

// Trello's typings describe its whole client; this one implements what the pages use, with the same shapes.
window.TrelloPowerUp = TrelloPowerUp as unknown as typeof window.TrelloPowerUp;
