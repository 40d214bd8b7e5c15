/** What the service tells every page (served as /powerup/loop-config.js before the page's script). */
export interface LoopConfig {
  /** The Power-Up's Trello API key (null in a service without credentials). */
  appKey: string | null;
  appName: string;
  /** The service's public base URL, for its API. */
  serviceUrl: string;
  /** Trello's REST base URL (the simulator in the dev host). */
  trelloApiBase: string;
}

declare global {
  interface Window {
    LOOP_CONFIG?: Partial<LoopConfig>;
  }
}

/** The page's configuration, with safe defaults when the service's script did not load. */
export function loopConfig(): LoopConfig {
  const given = window.LOOP_CONFIG ?? {};
  return {
    appKey: given.appKey ?? null,
    appName: given.appName ?? "Stakeholder Loop",
    serviceUrl: (given.serviceUrl ?? window.location.origin).replace(/\/$/, ""),
    trelloApiBase: (given.trelloApiBase ?? "https://api.trello.com").replace(/\/$/, ""),
  };
}
