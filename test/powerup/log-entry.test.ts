import { LOG_ENTRIES_KEPT, type CommunicationLog, type LogEntry } from "../../shared/loop/communication-log";
import { pluginDataSize } from "../../shared/loop/loop-records";
import { withEntry } from "../../powerup/stakeholders/log-entry";

const entry = (day: number, summary = "Weekly status"): LogEntry => ({
  id: `e${String(day).padStart(7, "0")}`,
  at: `2026-10-${String(day).padStart(2, "0")}T09:00:00.000Z`,
  channel: "email",
  summary,
});
const full: CommunicationLog = {
  v: 1,
  entries: Array.from({ length: LOG_ENTRIES_KEPT }, (_, i) => entry(i + 1)).reverse(),
};

describe("withEntry", () => {
  it("keeps a back-dated update on a full log, dropping the oldest other one instead", () => {
    const steering = { ...entry(1, "Steering meeting"), id: "steer001", at: "2026-09-15T09:00:00.000Z" };
    const log = withEntry(full, steering);
    expect(log.entries).toHaveLength(LOG_ENTRIES_KEPT);
    expect(log.entries.at(-1)).toEqual(steering);
    expect(log.entries.map((e) => e.id)).not.toContain(entry(1).id);
  });

  it("drops the oldest updates until the card's data fits, and never the new one", () => {
    const long = (day: number) => entry(day, "x".repeat(200));
    const log: CommunicationLog = { v: 1, entries: Array.from({ length: 11 }, (_, i) => long(i + 1)) };
    const fits = (candidate: CommunicationLog) =>
      pluginDataSize({ stakeholder: "y".repeat(1500), log: candidate }) <= 4096;
    const newest = long(20);
    const saved = withEntry(log, newest, fits);
    expect(fits(saved)).toBe(true);
    expect(saved.entries[0]).toEqual(newest);
    expect(saved.entries.length).toBeLessThan(12);
    expect(saved.entries.map((e) => e.id)).toContain(long(11).id);
    expect(saved.entries.map((e) => e.id)).not.toContain(long(1).id);
  });

  it("orders entries by instant even when their offsets differ", () => {
    const late = { ...entry(5), id: "offset01", at: "2026-10-06T08:00:00-05:00" };
    const log = withEntry({ v: 1, entries: [entry(6)] }, late);
    expect(log.entries.map((e) => e.id)).toEqual(["offset01", entry(6).id]);
  });
});
