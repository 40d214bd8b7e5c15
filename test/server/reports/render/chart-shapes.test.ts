import { chartShapes, type ChartShapes } from "../../../../server/reports/render/chart-shapes";
import { sampleReportModel } from "../../../support/sample-report-model";

const model = sampleReportModel();
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** The x axis: the horizontal axis line the value axis starts from. */
function baseline(shapes: ChartShapes): number {
  const axis = shapes.lines.find((line) => line.y1 === line.y2);
  if (!axis) throw new Error("no x axis");
  return axis.y1;
}

/** The y of a value label on the value axis (its baseline sits a little under the tick). */
function tickY(shapes: ChartShapes, value: string): number {
  const label = shapes.texts.find((text) => text.anchor === "end" && text.text === value);
  if (!label) throw new Error(`no tick ${value}`);
  return label.y;
}

describe("chartShapes", () => {
  it("stacks the cumulative-flow bands from the baseline (0) up to each day's total", () => {
    const shapes = chartShapes(model, "cumulative-flow", 600, 12);
    const y0 = baseline(shapes);
    const days = model.flow.cumulativeFlow;
    const totals = days.map((day) => day.lists.reduce((sum, list) => sum + list.cards, 0));
    const topTick = Math.max(...shapes.texts.filter((t) => t.anchor === "end").map((t) => Number(t.text)));
    const plotTop = Math.min(...shapes.lines.filter((l) => l.x1 === l.x2 && l.y1 < y0).map((l) => l.y1));
    const yAt = (value: number) => y0 - (value / topTick) * (y0 - plotTop);

    const first = shapes.polygons[0].points;
    const last = shapes.polygons[shapes.polygons.length - 1].points;
    // The first band's lower edge is the baseline; the last band's upper edge is the day's total.
    first.slice(days.length).forEach(([, y]) => expect(close(y, y0)).toBe(true));
    last.slice(0, days.length).forEach(([, y], i) => expect(close(y, yAt(totals[i]))).toBe(true));
    // Each band starts where the one below it ends.
    for (let band = 1; band < shapes.polygons.length; band++) {
      const lower = shapes.polygons[band - 1].points.slice(0, days.length);
      const upperBase = shapes.polygons[band].points.slice(days.length).reverse();
      upperBase.forEach(([, y], i) => expect(close(y, lower[i][1])).toBe(true));
    }
    // "0" labels the baseline, and the legend is below it.
    expect(Math.abs(tickY(shapes, "0") - y0)).toBeLessThan(12);
    const legend = shapes.rects.filter((rect) => rect.width < 12);
    expect(legend).toHaveLength(4);
    legend.forEach((rect) => expect(rect.y).toBeGreaterThan(y0));
    expect(shapes.height).toBeGreaterThan(Math.max(...legend.map((rect) => rect.y + rect.height)));
  });

  it("draws the cycle-time distribution as one bar per bin, labelled in days, tallest for the fullest bin", () => {
    const shapes = chartShapes(model, "cycle-time", 600, 12);
    const y0 = baseline(shapes);
    const labels = shapes.texts.filter((t) => t.y > y0 && t.anchor !== "end").map((t) => t.text);
    expect(labels).toEqual(["0–1", "1–2", "2–4", "4–7", "7–14", "14–28", "28+", "days from created to done"]);
    const heights = shapes.rects.map((rect) => rect.height);
    expect(heights).toHaveLength(7);
    expect(heights.indexOf(Math.max(...heights))).toBe(2);
    shapes.rects.forEach((rect) => expect(close(rect.y + rect.height, y0)).toBe(true));
    expect(heights[6]).toBe(0);
  });

  it("sizes every label at the size asked for, and scales the layout with it", () => {
    for (const chart of ["throughput", "cycle-time", "cumulative-flow", "stages"] as const) {
      const small = chartShapes(model, chart, 600, 9);
      const large = chartShapes(model, chart, 600, 12);
      small.texts.forEach((t) => expect(t.size).toBe(9));
      large.texts.forEach((t) => expect(t.size).toBe(12));
      expect(large.height).toBeGreaterThan(small.height);
    }
  });

  it("keeps the value axis round: ticks 0, 5, 10, 15, 20 for a busiest day of 17 cards", () => {
    const shapes = chartShapes(model, "cumulative-flow", 600, 12);
    expect(shapes.texts.filter((t) => t.anchor === "end").map((t) => t.text)).toEqual(["0", "5", "10", "15", "20"]);
  });
});
