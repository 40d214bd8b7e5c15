import { isPartyAudience } from "../../../shared/loop/audience";
import { boardSettingsSchema, defaultBoardSettings } from "../../../shared/loop/board-settings";
import { boardParties } from "../../../shared/loop/parties";
import type { MonthPeriod } from "../../../shared/month-period";
import type { BoardState } from "../../history/board-state";
import type { ActionSummary } from "../../store/actions-store";
import type { LoopRecordVersionRow } from "../../store/loop-history-store";
import { resolveReportParty } from "../resolve-report-party";
import { buildMonthlyReport } from "../build-monthly-report";
import { applyAudience, stakeholdersFor } from "./apply-audience";
import { buildDeliveryFlow } from "./delivery-flow";
import { buildDocumentsSection } from "./documents-section";
import { doneListRule } from "./done-list-rule";
import { buildInvoicingSection } from "./invoicing-section";
import { validRecords, type LoopCard } from "./loop-card";
import { loopListIds, loopOwnCardIds } from "./loop-own-cards";
import { buildMilestonesSection, milestoneRows } from "./milestones-section";
import { buildNextMonthSection } from "./next-month-section";
import { partyCards } from "./party-cards";
import { reportDays } from "./report-days";
import { REPORT_MODEL_VERSION, type Audience, type ProjectStatus, type ReportModel } from "./report-model";
import { buildScopeSection, scopeRows } from "./scope-section";
import { buildSprintsSection } from "./sprints-section";
import { buildStakeholdersSection, type StakeholderUpdate } from "./stakeholders-section";
import { buildSummarySection } from "./summary-section";
import { workListRule } from "./work-list-rule";

/** Everything a month's report is built from: stored rows only, already read. */
export interface ReportInput {
  board: { id: string; name: string | null };
  period: MonthPeriod;
  audience: Audience;
  /** The client or partner a client or partner report is for; the board's only one of that kind when absent. */
  party?: string;
  /** When the model is built: decides whether the month is still running. */
  now: Date;
  pmStatus?: ProjectStatus;
  pmNote?: string;
  /** The board at the period's start and at its end. */
  startState: BoardState;
  endState: BoardState;
  /** The period's own actions, oldest first (each id once). */
  actions: ActionSummary[];
  /** List names as of the period's end, by id (what the report shows). */
  listNames: Map<string, string | null>;
  /** List names the done rule reads: today's, as DESIGN.md's contract judges done lists by their current name. */
  doneListNames: Map<string, string | null>;
  /** The board's chosen done lists; null = decide by name. */
  doneListIds: string[] | null;
  /** The board's chosen workflow lists; null = decide by name and use. */
  workListIds: string[] | null;
  /** The board's shared Loop data (settings, documents) as of the period's end. */
  boardData: Record<string, unknown>;
  /** Every card with Loop data as of the period's end (cards created later are absent). */
  cards: LoopCard[];
  /** Each card's `stakeholder` record as it stood at the month's start / end (from the record history). */
  stakeholderAtStart: Map<string, unknown>;
  stakeholderAtEnd: Map<string, unknown>;
  /** Every version of a stakeholder record seen within the month, oldest first: the moves within it. */
  stakeholderVersions: LoopRecordVersionRow[];
  /** The updates logged to the board's stakeholders dated before the period's end. */
  updates: StakeholderUpdate[];
  /** Member display names by id (for the leads escalations go to). */
  memberNames: Map<string, string>;
}

/** The monthly report model, from stored rows only. Pure: same input, same model. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { period } = input;
  const parties = boardParties(
    validRecords(
      input.cards.filter((c) => !c.archived),
      "stakeholder",
    ).map(({ value }) => value),
  );
  const party = resolveReportParty(input.audience, input.party, parties);
  const internal = !isPartyAudience(input.audience);
  // A party's copy is built from its own records only: nothing another party owns reaches a section.
  const cards = internal ? input.cards : partyCards(input.cards, party, parties);
  const days = reportDays(period, input.now);
  const isDone = doneListRule({ listNames: input.doneListNames, doneListIds: input.doneListIds });
  // Every party's Loop cards are Loop's own, whoever the copy is for: the delivery figures are the same in every copy.
  const excludedCardIds = loopOwnCardIds(
    new Map(input.cards.map((card) => [card.id, card.data])),
    input.endState,
    input.listNames,
  );
  // The contract's figures come from the contract's own builder, so they can never drift from it.
  const contract = buildMonthlyReport({
    board: input.board,
    period,
    actions: input.actions,
    listNames: input.doneListNames,
    doneListIds: input.doneListIds,
    excludedCardIds,
  });
  const isWorkList = workListRule({
    workListIds: input.workListIds,
    listNames: input.listNames,
    loopListIds: loopListIds(input.endState, excludedCardIds),
    isDone,
  });
  const settingsRead = boardSettingsSchema.safeParse(input.boardData.settings);
  const settings = settingsRead.success ? settingsRead.data : defaultBoardSettings();
  const stakeholderNames = new Map(validRecords(cards, "stakeholder").map(({ card, value }) => [card.id, value.name]));
  const milestoneList = milestoneRows(cards, period.timezone);
  const milestones = buildMilestonesSection(milestoneList, days);
  const sprints = buildSprintsSection({
    cards,
    startState: input.startState,
    actions: input.actions,
    isDone,
    days,
    periodEndMs: period.endMs,
    stakeholderNames,
    ...(internal ? {} : { feedbackFrom: new Set(stakeholderNames.keys()) }),
  });
  const scopeList = scopeRows(cards, stakeholderNames, days.asOf);
  const scope = buildScopeSection(scopeList, days);
  const stakeholders = buildStakeholdersSection({
    cards,
    stakeholderAtStart: input.stakeholderAtStart,
    stakeholderAtEnd: input.stakeholderAtEnd,
    stakeholderVersions: input.stakeholderVersions,
    updates: input.updates,
    settings,
    memberNames: input.memberNames,
    period,
    days,
  });
  const invoicing = buildInvoicingSection(cards, new Map(milestoneList.map((m) => [m.cardId, m.deliverable])), days);
  // A party's status is judged on what its copy shows: escalations and overdue updates are ours to handle, not theirs to read.
  const summary = buildSummarySection({
    milestones,
    sprints,
    scope,
    stakeholders: stakeholdersFor(stakeholders, input.audience),
    invoicing,
    cards: contract.cards,
    comments: contract.comments,
    days,
    pmStatus: input.pmStatus,
    pmNote: input.pmNote,
    internal,
  });
  const model: ReportModel = {
    schemaVersion: REPORT_MODEL_VERSION,
    board: input.board,
    period: contract.period,
    audience: input.audience,
    generatedAt: input.now.toISOString(),
    cards: contract.cards,
    comments: contract.comments,
    summary,
    milestones,
    sprints,
    scope,
    stakeholders,
    flow: buildDeliveryFlow({
      period,
      startState: input.startState,
      actions: input.actions,
      listNames: input.listNames,
      isDone,
      isWorkList,
      excludedCardIds,
    }),
    documents: internal || party ? buildDocumentsSection(input.boardData, parties, party) : [],
    invoicing,
    nextMonth: buildNextMonthSection(milestones, cards, scopeList, days),
  };
  return applyAudience(model, input.audience, party);
}
