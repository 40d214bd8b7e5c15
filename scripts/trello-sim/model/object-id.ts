import { randomBytes } from "node:crypto";

/** Makes a new id for something created at the given instant (ms since the epoch). */
export type IdFactory = (at: number) => string;

const ID_PATTERN = /^[0-9a-f]{24}$/;
const MAX_SECONDS = 0xffffffff;

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0");
}

/** True for a 24-hex Mongo ObjectId, the only id format Trello accepts in paths and parameters. */
export function isObjectId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * Ids shaped like Trello's Mongo ObjectIds: the first 4 bytes are the creation time in seconds. The next 2
 * bytes hold the milliseconds and the last 3 a counter, so that ids sort exactly by creation date even when a
 * seed writes back-dated history out of order (real ObjectIds only sort to the second).
 */
export function createIdFactory(): IdFactory {
  const instance = randomBytes(3).toString("hex");
  let counter = 0;
  return (at) => {
    const ms = Math.floor(at);
    const seconds = Math.floor(ms / 1000);
    if (!Number.isFinite(ms) || seconds < 0 || seconds > MAX_SECONDS)
      throw new RangeError(`No ObjectId can carry the date ${at}`);
    counter = (counter + 1) % 0x1000000;
    return hex(seconds, 8) + hex(ms % 1000, 4) + instance + hex(counter, 6);
  };
}

/** The smallest id this simulator could give to something created at `at`: ids >= it are at or after `at`. */
export function firstIdAt(at: number): string {
  const ms = Math.floor(at);
  return hex(Math.floor(ms / 1000), 8) + hex(ms % 1000, 4) + "0".repeat(12);
}
