import type { ServedLoopConfig } from "../../shared/api/loop-config";

export type LoopConfig = ServedLoopConfig;

/** `/powerup/loop-config.js`: the settings every page reads from `window.LOOP_CONFIG` before its own script runs. */
export function loopConfigScript(config: LoopConfig): string {
  // "<" is escaped so no value can close the script element the browser parses this into.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `window.LOOP_CONFIG = ${json};\n`;
}
