export interface LoopConfig {
  /** The Power-Up's Trello API key; null in demo mode, where the dev host's client needs none. */
  appKey: string | null;
  appName: string;
  /** Trello's REST base (TRELLO_API_BASE: the simulator in the demo), where pages send the member's token. */
  trelloApiBase: string;
}

/** `/powerup/loop-config.js`: the settings every page reads from `window.LOOP_CONFIG` before its own script runs. */
export function loopConfigScript(config: LoopConfig): string {
  // "<" is escaped so no value can close the script element the browser parses this into.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `window.LOOP_CONFIG = ${json};\n`;
}
