import * as z from "zod/mini";
import { calendarDate, choice, requiredText, version1 } from "./fields";

export const STAGES = ["initiation", "planning", "execution", "closing"] as const;

/** A milestone or deliverable with its stage and due date (key `milestone`). */
export const milestoneSchema = z.object({
  v: version1,
  stage: choice("stage", STAGES),
  deliverable: requiredText("Deliverable", 200),
  due: calendarDate,
  /** The first due date agreed; a later `due` means the milestone slipped. */
  baselineDue: calendarDate,
  doneOn: z.optional(calendarDate),
});

export type Milestone = z.infer<typeof milestoneSchema>;
export type Stage = Milestone["stage"];
