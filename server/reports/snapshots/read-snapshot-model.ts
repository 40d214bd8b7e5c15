import { firstIssue } from "../../../shared/first-issue";
import { REPORT_MODEL_VERSION, type ReportModel } from "../model/report-model";
import { reportModelSchema } from "../model/report-model-schema";
import { ReportError } from "../report-error";

/** Version 2's stakeholders section: the difficult were names only, and there were no moves. */
interface StakeholdersV2 {
  rows: { cardId: string; name: string; status?: string }[];
  difficult: string[];
}

/**
 * Upgrades from older model versions, where that is safe. Version 2 lacked the cycle-time distribution and the
 * stakeholders' moves, which cannot be rebuilt from what it kept: it upgrades with none (its renderings show the
 * median and 85th percentile, and no moves), and its difficult names gain the card they name.
 */
const UPGRADES: Record<number, (model: Record<string, unknown>) => Record<string, unknown>> = {
  2: (model) => {
    const stakeholders = model.stakeholders as StakeholdersV2 | undefined;
    // A broken version-2 model is left for the schema check to refuse, never thrown on here.
    if (!stakeholders || !Array.isArray(stakeholders.rows) || !Array.isArray(stakeholders.difficult))
      return { ...model, schemaVersion: 3 };
    const cardOf = (name: string) => stakeholders.rows.find((row) => row?.name === name)?.cardId ?? "";
    return {
      ...model,
      schemaVersion: 3,
      flow: { ...(model.flow as object), cycleTimeDistribution: [] },
      stakeholders: {
        ...stakeholders,
        difficult: stakeholders.difficult.map((name) => ({ cardId: cardOf(name), stakeholder: name })),
        moves: [],
      },
    };
  },
};

/**
 * A stored snapshot's model, checked against the model schema (upgraded first when it is an older version that can
 * be) before anything is rendered from it. Throws ReportError SNAPSHOT_VERSION_UNSUPPORTED or SNAPSHOT_UNREADABLE.
 */
export function readSnapshotModel(modelJson: string): ReportModel {
  let raw: unknown;
  try {
    raw = JSON.parse(modelJson);
  } catch {
    throw new ReportError(
      "SNAPSHOT_UNREADABLE",
      "This report snapshot's stored model is not valid JSON, so it cannot be rendered again",
    );
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ReportError(
      "SNAPSHOT_UNREADABLE",
      "This report snapshot's stored model is not a report model, so it cannot be rendered again",
    );
  }
  let model = raw as Record<string, unknown>;
  const version = model.schemaVersion;
  while (typeof model.schemaVersion === "number" && UPGRADES[model.schemaVersion])
    model = UPGRADES[model.schemaVersion](model);
  if (model.schemaVersion !== REPORT_MODEL_VERSION) {
    throw new ReportError(
      "SNAPSHOT_VERSION_UNSUPPORTED",
      `This report snapshot was saved with report model version ${JSON.stringify(version)}, which this service cannot render (it renders versions 2 to ${REPORT_MODEL_VERSION}): generate the month's report again`,
    );
  }
  const parsed = reportModelSchema.safeParse(model);
  if (!parsed.success) {
    throw new ReportError(
      "SNAPSHOT_UNREADABLE",
      `This report snapshot's stored model does not match version ${REPORT_MODEL_VERSION}: ${firstIssue(parsed.error, "model")}`,
    );
  }
  return parsed.data;
}
