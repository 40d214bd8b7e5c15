import type { BoardSettings } from "../../shared/loop/board-settings";
import type { Stakeholder } from "../../shared/loop/stakeholder";

type Lead = NonNullable<Stakeholder["escalation"]>["to"];

/** "the technical lead (Ann Lee)": who an escalation goes to, named when the board settings say who it is. */
export function leadLabel(lead: Lead, settings: BoardSettings, members: { id: string; fullName: string }[]): string {
  const id = lead === "technical" ? settings.technicalLead : settings.operationalLead;
  const name = id ? members.find((m) => m.id === id)?.fullName : undefined;
  return name ? `the ${lead} lead (${name})` : `the ${lead} lead`;
}
