import type { ReportModel } from "../../reports/model/report-model";

export interface DraftInput {
  /** The stakeholder's audience copies of the months since their last update, oldest first. */
  models: ReportModel[];
  /** The first day that counts as new (the day of the last update, or the window's start), in the board's zone. */
  sinceDay: string;
  today: string;
  stakeholderName: string;
  boardName: string;
}

export interface UpdateDraft {
  subject: string;
  text: string;
  /** How many things changed (0: the draft says nothing new happened). */
  changes: number;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * The plain-text update a PM starts from: what changed since the stakeholder's last update, in their audience's copy
 * of the report (so a client or partner draft is made only from what their copy holds). Pure: the caller loads the models.
 */
export function composeUpdateDraft({ models, sinceDay, today, stakeholderName, boardName }: DraftInput): UpdateDraft {
  const after = (day: string | undefined) => day !== undefined && day >= sinceDay && day <= today;
  const latest = models.at(-1);
  const hit = models.flatMap((m) => m.milestones.hit).filter((r) => after(r.doneOn));
  const missed = models.flatMap((m) => m.milestones.missed).filter((r) => after(r.due));
  const slipped = (latest?.milestones.slipped ?? []).filter(
    (r) => r.slippedDays > 0 && !hit.some((h) => h.cardId === r.cardId),
  );
  const reviews = models.flatMap((m) => m.sprints).filter((s) => s.review && after(s.review.heldOn));
  const decisions = models.flatMap((m) => m.scope.decisions).filter((d) => after(d.decidedOn));
  const next = latest
    ? [
        ...latest.nextMonth.milestonesDue.map((m) => `${m.cardName}, due ${m.due}`),
        ...latest.nextMonth.sprintsPlanned.map(
          (s) => `Sprint ${s.number} from ${s.start}${s.goal ? `: ${s.goal}` : ""}`,
        ),
      ]
    : [];

  const sections: [string, string[]][] = [
    ["Milestones reached", unique(hit.map((r) => `${r.cardName} (done ${r.doneOn}, due ${r.due})`))],
    [
      "Milestones not reached on time",
      unique(missed.map((r) => `${r.cardName} (due ${r.due}${r.doneOn ? `, done ${r.doneOn}` : ", still open"})`)),
    ],
    ["Dates moved", unique(slipped.map((r) => `${r.cardName}: now due ${r.due} (first agreed ${r.baselineDue})`))],
    ["Sprint reviews", unique(reviews.map((s) => sprintLine(s)))],
    [
      "Decisions on change requests",
      unique(
        decisions.map(
          (d) =>
            `${d.cardName}: ${d.status ?? "decided"}${d.decidedOn ? ` on ${d.decidedOn}` : ""}${d.rationale ? ` — ${d.rationale}` : ""}`,
        ),
      ),
    ],
    ["What is next", unique(next)],
  ];
  const filled = sections.filter(([, lines]) => lines.length > 0);
  const changes = filled.filter(([title]) => title !== "What is next").reduce((n, [, lines]) => n + lines.length, 0);
  const body = filled.map(([title, lines]) => `${title}:\n${lines.map((l) => `- ${l}`).join("\n")}`).join("\n\n");
  const opening =
    changes > 0
      ? `here is where ${boardName} stands since ${sinceDay}.`
      : `a short update on ${boardName}: nothing changed on milestones, reviews or change requests since ${sinceDay}.`;
  return {
    subject: `${boardName}: update ${today}`,
    text: [`Hello ${firstName(stakeholderName)},`, "", opening, ...(body ? ["", body] : []), "", "Best regards"].join(
      "\n",
    ),
    changes,
  };
}

function sprintLine(s: ReportModel["sprints"][number]): string {
  const r = s.review!;
  const parts = [`Sprint ${s.number} review on ${r.heldOn}: ${r.accepted} of ${r.demoed} demoed items accepted`];
  if (r.decisions) parts.push(`decisions: ${r.decisions}`);
  if (r.nextSteps) parts.push(`next steps: ${r.nextSteps}`);
  return parts.join("; ");
}

const unique = (lines: string[]) => [...new Set(lines)];
