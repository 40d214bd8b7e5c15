import { AUDIENCE_LABELS, isPartyAudience, type Audience } from "../../shared/loop/audience";
import { sameParty, type BoardParties } from "../../shared/loop/parties";
import { ReportError } from "./report-error";

function choices(list: readonly string[]): string {
  return list.map((p) => `"${p}"`).join(", ");
}

/**
 * The party a client or partner report is for: the one asked for (spelled as on the board), else the board's only
 * party of that kind. Refuses, naming `party` and the choices, when the board has several and none was asked for, or
 * when the one asked for is not on the board. A board with no party of that kind yet (no stakeholder of that type
 * with an Organisation) gets a report for nobody in particular: the board's figures and no party's records.
 */
export function resolveReportParty(
  audience: Audience,
  asked: string | undefined,
  parties: BoardParties,
): string | undefined {
  const wanted = asked?.trim() || undefined;
  if (!isPartyAudience(audience)) {
    if (wanted)
      throw new ReportError(
        "INVALID_PARTY",
        "party is only for client and partner reports: an internal report covers every party",
      );
    return undefined;
  }
  const kind = AUDIENCE_LABELS[audience].toLowerCase();
  const list = parties[audience];
  if (list.length === 0) {
    if (!wanted) return undefined;
    throw new ReportError(
      "INVALID_PARTY",
      `party "${wanted}" is not a ${kind} of this board: it has none yet (a ${kind} stakeholder's Organisation names one)`,
    );
  }
  if (wanted) {
    const found = list.find((p) => sameParty(p, wanted));
    if (!found)
      throw new ReportError(
        "INVALID_PARTY",
        `party "${wanted}" is not a ${kind} of this board: choose one of ${choices(list)}`,
      );
    return found;
  }
  if (list.length === 1) return list[0];
  throw new ReportError(
    "INVALID_PARTY",
    `party is required: this board has ${list.length} ${kind}s, choose one of ${choices(list)}`,
  );
}
