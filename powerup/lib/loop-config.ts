import type { ServedLoopConfig } from "../../shared/api/loop-config";

/** What a page needs to know: the service's /powerup/loop-config.js says all but where the service is. */
export interface LoopConfig extends ServedLoopConfig {
  /** The service's base URL, for its API: the origin the page was served from (the service serves every page). */
  serviceUrl: string;
}

declare global {
  interface Window {
    LOOP_CONFIG?: Partial<ServedLoopConfig>;
  }
}

/** The page's configuration, with safe defaults when the service's script did not load. */
export function loopConfig(): LoopConfig {
  const given = window.LOOP_CONFIG ?? {};
  return {
    appKey: given.appKey ?? null,
    appName: given.appName ?? "Stakeholder Loop",
    // Same origin as the page, never PUBLIC_URL as configured: a member reaching the service under another host name
    // (localhost vs 127.0.0.1, a second domain) would otherwise be refused by CORS.
    serviceUrl: window.location.origin,
    trelloApiBase: (given.trelloApiBase ?? "https://api.trello.com").replace(/\/$/, ""),
  };
}
