import * as z from "zod/mini";
import { calendarDate, idList, optionalText, version1, wholeNumber } from "./fields";

/** Sprints are two weeks unless the board settings say otherwise. */
export const DEFAULT_SPRINT_DAYS = 14;

/** A sprint's plan, on its sprint card (key `sprint`). */
export const sprintSchema = z
  .object({
    v: version1,
    number: wholeNumber("Sprint number", 1, 999),
    start: calendarDate,
    end: calendarDate,
    goal: optionalText("Goal", 300),
    committed: idList("Committed cards", 40),
  })
  .check(z.refine((s) => s.end > s.start, { message: "The sprint must end after it starts", path: ["end"] }));

export type Sprint = z.infer<typeof sprintSchema>;
