import { AUDIENCES, type Audience } from "../../shared/loop/audience";

const LABELS: Record<Audience, string> = {
  internal: "Internal (the team)",
  client: "Client (one organisation)",
  partner: "Partner (one organisation)",
};

/** The report audiences as select options, for the report page and the board settings. */
export const AUDIENCE_OPTIONS = AUDIENCES.map((value) => ({ value, label: LABELS[value] }));
