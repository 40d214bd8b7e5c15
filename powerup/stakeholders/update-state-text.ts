import type { UpdateState } from "../../shared/loop/stakeholder-update-state";

export interface UpdateStateText {
  text: string;
  /** The badge colour that goes with it. */
  tone: "red" | "green" | "grey";
}

/** "Overdue 3 days", "No update yet" or "Up to date" ("Released" when owed nothing), as the registry and the log popup show it. */
export function updateStateText(state: UpdateState, released = false): UpdateStateText {
  if (released) return { text: "Released", tone: "grey" };
  // Never updated counts as owed an update, as on the card badge.
  if (!state.lastUpdateAt) return { text: "No update yet", tone: "red" };
  if (state.overdue)
    return { text: `Overdue ${state.overdueDays} ${state.overdueDays === 1 ? "day" : "days"}`, tone: "red" };
  return { text: "Up to date", tone: "green" };
}
