import type { RegistryEntry } from "../../shared/loop/stakeholder-registry";

export type RegisterCell = string | number | null;

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** Every field of a stakeholder, one column each, in the order the register shows them. */
export const REGISTER_COLUMNS = [
  "Name",
  "Type",
  "Organisation",
  "Roles",
  "Responsibilities",
  "Rights",
  "Influence",
  "Interest",
  "Channel",
  "Contact",
  "Update cadence (days)",
  "Buy-in",
  "Status",
  "Escalated to",
  "Escalation reason",
  "Escalated on",
  "Escalation resolved on",
  "Communication platform agreed",
  "Roles and responsibilities agreed",
  "Invited to sprint reviews",
  "Scope boundaries acknowledged",
  "Last update",
  "Next update due",
  "Update overdue (days)",
  "Card",
  "Card id",
  "Record problem",
] as const;

/** The register as rows of REGISTER_COLUMNS: a record that cannot be read keeps its card and says why. */
export function registerRows(entries: readonly RegistryEntry<{ id: string; name: string }>[]): RegisterCell[][] {
  return entries.map((entry) => {
    if (entry.kind === "invalid") {
      return [...REGISTER_COLUMNS.slice(0, -3).map(() => null), entry.card.name, entry.card.id, entry.message];
    }
    const s = entry.stakeholder;
    const e = s.escalation;
    return [
      s.name,
      s.type,
      s.org ?? null,
      s.roles ?? null,
      s.duties ?? null,
      s.rights ?? null,
      s.influence,
      s.interest,
      s.channel,
      s.contact ?? null,
      s.cadenceDays,
      s.buyIn,
      s.status,
      e?.to ?? null,
      e?.reason ?? null,
      e?.on ?? null,
      e?.resolvedOn ?? null,
      yesNo(s.initiation.platform),
      yesNo(s.initiation.roles),
      yesNo(s.initiation.reviews),
      yesNo(s.initiation.scope),
      entry.update.lastUpdateAt ?? null,
      entry.update.dueOn ?? null,
      entry.update.overdueDays,
      entry.card.name,
      entry.card.id,
      entry.logError ?? null,
    ];
  });
}
