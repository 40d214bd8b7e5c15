import type { Migration } from "../migrate";
import { m0001Initial } from "./0001-initial";

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial];
