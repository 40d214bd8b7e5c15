import { seededRandom } from "./seeded-random";

export interface FaultConfig {
  /** Seeds the share-based faults, so the same seed faults the same requests on every run. */
  seed?: number;
  /** Added to every /1/ request before it is handled. */
  latencyMs?: number;
  /** Share (0–1) of requests answered with `errorStatus`. */
  errorRate?: number;
  /** The next N requests are answered with `errorStatus`. */
  nextErrors?: number;
  /** 500 unless told otherwise (must be 5xx). */
  errorStatus?: number;
  /** Share (0–1) of requests whose connection is destroyed without a response. */
  dropRate?: number;
  /** The next N requests have their connection destroyed without a response. */
  nextDrops?: number;
  /** The next N requests are refused with 429 API_TOKEN_LIMIT_EXCEEDED whatever the real counters say. */
  next429s?: number;
}

export type FaultOutcome =
  { kind: "pass" } | { kind: "error"; status: number } | { kind: "drop" } | { kind: "rate-limit" };

/** Decides, request by request, which injected fault (if any) applies. "Next N" faults come first, in order. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;

  set(config: FaultConfig): void {
    if (config.errorStatus !== undefined && (config.errorStatus < 500 || config.errorStatus > 599)) {
      throw new RangeError("errorStatus must be a 5xx status");
    }
    for (const share of [config.errorRate, config.dropRate]) {
      if (share !== undefined && !(share >= 0 && share <= 1))
        throw new RangeError("errorRate and dropRate are shares between 0 and 1");
    }
    this.config = { ...config };
    this.random = config.seed === undefined ? Math.random : seededRandom(config.seed);
  }

  clear(): void {
    this.set({});
  }

  /** What is left of the current configuration ("next N" counters go down as they fire). */
  get current(): FaultConfig {
    return { ...this.config };
  }

  get latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  next(): FaultOutcome {
    const config = this.config;
    const status = config.errorStatus ?? 500;
    if (config.next429s) {
      config.next429s--;
      return { kind: "rate-limit" };
    }
    if (config.nextDrops) {
      config.nextDrops--;
      return { kind: "drop" };
    }
    if (config.nextErrors) {
      config.nextErrors--;
      return { kind: "error", status };
    }
    // Both draws are always taken, so one share does not shift the other's sequence.
    const dropDraw = this.random();
    const errorDraw = this.random();
    if (config.dropRate && dropDraw < config.dropRate) return { kind: "drop" };
    if (config.errorRate && errorDraw < config.errorRate) return { kind: "error", status };
    return { kind: "pass" };
  }
}
