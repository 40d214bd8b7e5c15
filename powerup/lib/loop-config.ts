/** What a page needs to know: the service's /powerup/loop-config.js says all but where the service is. */
export interface LoopConfig {
  /** The Power-Up's Trello API key (null in a service without credentials). */
  appKey: string | null;
  appName: string;
  /** The service's base URL, for its API: the origin the page was served from (the service serves every page). */
  serviceUrl: string;
  /** Trello's REST base URL (the simulator in the dev host). */
  trelloApiBase: string;
}

declare global {
  interface Window {
    LOOP_CONFIG?: Partial<Omit<LoopConfig, "serviceUrl">>;
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
