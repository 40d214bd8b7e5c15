import { REPORT_MODEL_VERSION } from "../../../../server/reports/model/report-model";
import { ReportError } from "../../../../server/reports/report-error";
import { readSnapshotModel } from "../../../../server/reports/snapshots/read-snapshot-model";
import { sampleReportModel } from "../../../support/sample-report-model";

function refusal(modelJson: string): { code: string; message: string } {
  try {
    readSnapshotModel(modelJson);
  } catch (err) {
    if (err instanceof ReportError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("not refused");
}

describe("readSnapshotModel", () => {
  it("reads a current model as it was stored", () => {
    const model = sampleReportModel();
    expect(readSnapshotModel(JSON.stringify(model))).toEqual(model);
  });

  it("upgrades a version-2 model, which had no cycle-time distribution nor moves, to the current version with none", () => {
    const current = sampleReportModel();
    const { cycleTimeDistribution: _dropped, ...flow } = current.flow;
    const { moves: _moves, ...stakeholders } = current.stakeholders;
    const difficultNames = current.stakeholders.difficult.map((row) => row.stakeholder);
    const v2 = { ...current, schemaVersion: 2, flow, stakeholders: { ...stakeholders, difficult: difficultNames } };
    const read = readSnapshotModel(JSON.stringify(v2));
    expect(read.schemaVersion).toBe(REPORT_MODEL_VERSION);
    expect(read.flow.cycleTimeDistribution).toEqual([]);
    expect(read.flow.cycleTimeDays).toEqual(current.flow.cycleTimeDays);
    expect(read.stakeholders.moves).toEqual([]);
    expect(read.stakeholders.difficult).toEqual(
      current.stakeholders.difficult.map(({ cardId, stakeholder }) => ({ cardId, stakeholder })),
    );
  });

  it("refuses a version it cannot upgrade, naming the version", () => {
    expect(refusal(JSON.stringify({ ...sampleReportModel(), schemaVersion: 1 }))).toEqual({
      code: "SNAPSHOT_VERSION_UNSUPPORTED",
      message: expect.stringContaining("version 1"),
    });
    expect(refusal(JSON.stringify({ ...sampleReportModel(), schemaVersion: 99 })).code).toBe(
      "SNAPSHOT_VERSION_UNSUPPORTED",
    );
    expect(refusal(JSON.stringify({ cards: 1 })).code).toBe("SNAPSHOT_VERSION_UNSUPPORTED");
  });

  it("refuses a model that breaks the schema, naming the field, and text that is not a model", () => {
    const model = sampleReportModel();
    const broken = {
      ...model,
      flow: { ...model.flow, cumulativeFlow: [{ date: "2026-03-01", lists: [{ listName: "Doing", cards: -1 }] }] },
    };
    expect(refusal(JSON.stringify(broken))).toEqual({
      code: "SNAPSHOT_UNREADABLE",
      message: expect.stringContaining("model.flow.cumulativeFlow.0.lists.0.cards"),
    });
    expect(refusal('{"schemaVersion": 3,').code).toBe("SNAPSHOT_UNREADABLE");
    expect(refusal("[]").code).toBe("SNAPSHOT_UNREADABLE");
    expect(refusal("null").code).toBe("SNAPSHOT_UNREADABLE");
  });
});
