import { defaultReportMonth, FIRST_DAYS } from "../../powerup/board-pages/default-report-month";

describe("defaultReportMonth", () => {
  it.each([
    ["2026-03-20", "2026-03"],
    ["2026-03-31", "2026-03"],
    [`2026-03-0${FIRST_DAYS + 1}`, "2026-03"],
    [`2026-03-0${FIRST_DAYS}`, "2026-02"],
    ["2026-03-01", "2026-02"],
    ["2026-01-02", "2025-12"],
  ])("on %s starts on %s: the month under way, or the one just closed in its first days", (today, month) => {
    expect(defaultReportMonth(today)).toBe(month);
  });
});
