import { z } from "zod";
import { AUDIENCES } from "../../../shared/loop/audience";
import { REPORT_MODEL_VERSION, type ReportModel } from "./report-model";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
const status = z.enum(["on-track", "at-risk", "off-track"]);

const milestoneRow = z.object({
  cardId: z.string(),
  cardName: z.string(),
  stage: z.string(),
  deliverable: z.string(),
  due: z.string(),
  baselineDue: z.string(),
  doneOn: z.string().optional(),
  slippedDays: z.number(),
});

const scopeRow = z.object({
  cardId: z.string(),
  cardName: z.string(),
  decision: z.enum(["in", "out", "change"]),
  status: z.enum(["proposed", "approved", "rejected", "deferred"]).optional(),
  boundary: z.string().optional(),
  rationale: z.string().optional(),
  requestedBy: z.string().optional(),
  decidedOn: z.string().optional(),
  impactDays: z.number().optional(),
  impactCost: z.number().optional(),
  currency: z.string().optional(),
});

const invoiceRow = z.object({
  cardId: z.string(),
  number: z.string(),
  amount: z.number(),
  currency: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  paidOn: z.string().optional(),
  milestone: z.string().optional(),
  status: z.enum(["paid", "overdue", "open"]),
});

/** The report model (report-model.ts) as a schema, to check a stored snapshot's model before it is rendered again. */
export const reportModelSchema = z.object({
  schemaVersion: z.literal(REPORT_MODEL_VERSION),
  board: z.object({ id: z.string(), name: z.string().nullable() }),
  period: z.object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    timezone: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  audience: z.enum(AUDIENCES),
  party: z.string().optional(),
  generatedAt: z.string(),
  cards: z.object({ created: count, completed: count }),
  comments: count,
  summary: z.object({
    status,
    statusReason: z.string(),
    computedStatus: status.optional(),
    pmNote: z.string().optional(),
    highlights: z.array(z.string()),
    keyFigures: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  milestones: z.object({
    hit: z.array(milestoneRow),
    missed: z.array(milestoneRow),
    slipped: z.array(milestoneRow),
    dueNextMonth: z.array(milestoneRow),
    stages: z.array(z.object({ stage: z.string(), total: count, done: count })),
  }),
  sprints: z.array(
    z.object({
      cardId: z.string(),
      number: z.number(),
      start: day,
      end: day,
      goal: z.string().optional(),
      committed: count,
      completed: count,
      carriedOver: count,
      review: z
        .object({
          heldOn: z.string(),
          demoed: count,
          accepted: count,
          feedback: z.array(
            z.object({
              stakeholder: z.string(),
              sentiment: z.enum(["positive", "neutral", "negative"]),
              note: z.string().optional(),
            }),
          ),
          decisions: z.string().optional(),
          nextSteps: z.string().optional(),
        })
        .optional(),
    }),
  ),
  scope: z.object({
    decisions: z.array(scopeRow),
    changeRequests: z.array(
      z.object({
        status: z.string(),
        count,
        impactDays: z.number(),
        impactCost: z.array(z.object({ currency: z.string(), amount: z.number() })),
      }),
    ),
    added: z.object({ count, impactDays: z.number() }),
    outOfScope: z.array(scopeRow),
  }),
  stakeholders: z.object({
    rows: z.array(
      z.object({
        cardId: z.string(),
        name: z.string(),
        type: z.string(),
        organisation: z.string().optional(),
        channel: z.string(),
        cadenceDays: z.number(),
        updatesLogged: count,
        lastUpdateAt: z.string().optional(),
        overdueDays: z.number().optional(),
        buyIn: z.string().optional(),
        buyInBefore: z.string().optional(),
        status: z.string().optional(),
      }),
    ),
    difficult: z.array(z.object({ cardId: z.string(), stakeholder: z.string(), reason: z.string().optional() })),
    escalations: z.array(
      z.object({
        cardId: z.string(),
        stakeholder: z.string(),
        to: z.enum(["technical", "operational"]),
        leadName: z.string().optional(),
        reason: z.string(),
        on: z.string(),
        resolvedOn: z.string().optional(),
      }),
    ),
    moves: z.array(
      z.object({
        cardId: z.string(),
        stakeholder: z.string(),
        on: z.string(),
        kind: z.enum(["buy-in", "difficult", "escalated", "escalation-resolved", "released"]),
        from: z.string().optional(),
        to: z.string().optional(),
        lead: z.enum(["technical", "operational"]).optional(),
        leadName: z.string().optional(),
        reason: z.string().optional(),
      }),
    ),
  }),
  flow: z.object({
    created: count,
    completed: count,
    throughputByWeek: z.array(z.object({ weekStart: day, completed: count })),
    cycleTimeDays: z.object({ median: z.number().nullable(), p85: z.number().nullable(), samples: count }),
    cycleTimeDistribution: z.array(
      z.object({ fromDays: z.number().nonnegative(), toDays: z.number().nullable(), cards: count }),
    ),
    wipAtMonthEnd: z.array(z.object({ listId: z.string(), listName: z.string(), cards: count })),
    cumulativeFlow: z.array(z.object({ date: day, lists: z.array(z.object({ listName: z.string(), cards: count })) })),
  }),
  documents: z.array(
    z.object({
      party: z.string().optional(),
      name: z.string(),
      status: z.enum(["missing", "draft", "signed"]),
      shared: z.boolean(),
      link: z.string().optional(),
    }),
  ),
  invoicing: z.object({
    issued: z.array(invoiceRow),
    paid: z.array(invoiceRow),
    overdue: z.array(invoiceRow),
    totals: z.array(z.object({ currency: z.string(), issued: z.number(), paid: z.number(), overdue: z.number() })),
  }),
  nextMonth: z.object({
    milestonesDue: z.array(milestoneRow),
    sprintsPlanned: z.array(
      z.object({ cardId: z.string(), number: z.number(), start: day, end: day, goal: z.string().optional() }),
    ),
    openChangeRequests: z.array(scopeRow),
  }),
});

// The schema and the interface must describe the same object: a field added to one and not the other fails to compile.
type Parsed = z.infer<typeof reportModelSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemaMatchesModel: Same<Parsed, ReportModel> = true;
