/** What the service's `/powerup/loop-config.js` gives every page as `window.LOOP_CONFIG`. */
export interface ServedLoopConfig {
  /** The Power-Up's Trello API key; null in demo mode, where the dev host's client needs none. */
  appKey: string | null;
  appName: string;
  /** Trello's REST base (TRELLO_API_BASE: the simulator in the demo), where pages send the member's token. */
  trelloApiBase: string;
}
