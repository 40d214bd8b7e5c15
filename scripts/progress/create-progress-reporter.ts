import { SingleBar } from "cli-progress";
import type { SyncProgress } from "../../server/sync/sync-board";

export interface ProgressReporter {
  update(progress: SyncProgress): void;
  stop(): void;
}

/**
 * Shows a long sync's progress: a live bar on a terminal, one plain line per page otherwise (CI logs, pipes).
 * Trello does not say how long a history is, so the bar counts up rather than towards a total.
 */
export function createProgressReporter(stream: NodeJS.WriteStream, label: string): ProgressReporter {
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${label} {phase} | {value} actions | {pages} pages | {rate} actions/s`,
      hideCursor: true,
    });
    const started = Date.now();
    bar.start(0, 0, { phase: "history", pages: 0, rate: 0 });
    return {
      update: (p) => {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        bar.update(p.actions, { phase: p.phase, pages: p.pages, rate: Math.round(p.actions / seconds) });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    update: (p) => stream.write(`${label} ${p.phase}: ${p.actions} actions, ${p.pages} pages\n`),
    stop: () => undefined,
  };
}
