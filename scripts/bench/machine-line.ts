import os from "node:os";

/** The machine a part ran on and how busy it was when it started: figures from a loaded machine are read apart. */
export function machineLine(): string {
  const [one, five] = os.loadavg();
  return `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, load average ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min) at the start.`;
}
