import type { ReportModel } from "../model/report-model";
import type { ChartKind } from "./report-sections";
import { formatDay, formatLabel } from "./format-values";

/** Drawing primitives shared by the SVG (HTML) and PDF charts, so both show the same picture. */
export interface ChartShapes {
  width: number;
  height: number;
  rects: { x: number; y: number; width: number; height: number; color: string }[];
  polygons: { points: [number, number][]; color: string }[];
  lines: { x1: number; y1: number; x2: number; y2: number; color: string }[];
  texts: { x: number; y: number; text: string; anchor: "start" | "middle" | "end"; size: number }[];
}

const PALETTE = ["#2f6fb3", "#e39a2d", "#3a9a5b", "#c0504d", "#8064a2", "#4bacc6", "#9c7a3c", "#7f7f7f"];
const AXIS = "#888888";
const PAD = { left: 36, right: 12, top: 12, bottom: 30 };

function emptyShapes(width: number, height: number): ChartShapes {
  return { width, height, rects: [], polygons: [], lines: [], texts: [] };
}

function niceMax(value: number): number {
  return Math.max(1, Math.ceil(value));
}

function axes(shapes: ChartShapes, max: number): void {
  const bottom = shapes.height - PAD.bottom;
  shapes.lines.push({ x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom, color: AXIS });
  shapes.lines.push({ x1: PAD.left, y1: bottom, x2: shapes.width - PAD.right, y2: bottom, color: AXIS });
  shapes.texts.push({ x: PAD.left - 4, y: bottom, text: "0", anchor: "end", size: 8 });
  shapes.texts.push({ x: PAD.left - 4, y: PAD.top + 6, text: String(max), anchor: "end", size: 8 });
}

function bars(width: number, height: number, items: { label: string; value: number; total?: number }[]): ChartShapes {
  const shapes = emptyShapes(width, height);
  const max = niceMax(Math.max(0, ...items.map((item) => item.total ?? item.value)));
  axes(shapes, max);
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, items.length);
  const barWidth = Math.min(48, slot * 0.6);
  items.forEach((item, index) => {
    const x = PAD.left + slot * index + (slot - barWidth) / 2;
    const bottom = PAD.top + plotHeight;
    if (item.total !== undefined) {
      const totalHeight = (item.total / max) * plotHeight;
      shapes.rects.push({ x, y: bottom - totalHeight, width: barWidth, height: totalHeight, color: "#d6dde6" });
    }
    const barHeight = (item.value / max) * plotHeight;
    shapes.rects.push({ x, y: bottom - barHeight, width: barWidth, height: barHeight, color: PALETTE[0] });
    const valueText = item.total !== undefined ? `${item.value}/${item.total}` : String(item.value);
    const top = bottom - (item.total !== undefined ? (item.total / max) * plotHeight : barHeight);
    shapes.texts.push({ x: x + barWidth / 2, y: top - 3, text: valueText, anchor: "middle", size: 8 });
    shapes.texts.push({ x: x + barWidth / 2, y: bottom + 12, text: item.label, anchor: "middle", size: 8 });
  });
  return shapes;
}

function cumulativeFlow(width: number, height: number, model: ReportModel): ChartShapes {
  const days = model.flow.cumulativeFlow;
  const listNames = [...new Set(days.flatMap((day) => day.lists.map((list) => list.listName)))];
  const legendHeight = 14 * Math.ceil(listNames.length / 4);
  const shapes = emptyShapes(width, height + legendHeight);
  const totals = days.map((day) => day.lists.reduce((sum, list) => sum + list.cards, 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotHeight = height - PAD.top - PAD.bottom;
  const bottom = PAD.top + plotHeight;
  const plotWidth = width - PAD.left - PAD.right;
  const xAt = (index: number) => PAD.left + (days.length <= 1 ? plotWidth / 2 : (plotWidth * index) / (days.length - 1));
  const yAt = (value: number) => bottom - (value / max) * plotHeight;
  let below = days.map(() => 0);
  listNames.forEach((name, listIndex) => {
    const above = days.map((day, i) => below[i] + (day.lists.find((list) => list.listName === name)?.cards ?? 0));
    const top: [number, number][] = above.map((value, i) => [xAt(i), yAt(value)]);
    const base: [number, number][] = below.map((value, i): [number, number] => [xAt(i), yAt(value)]).reverse();
    shapes.polygons.push({ points: [...top, ...base], color: PALETTE[listIndex % PALETTE.length] });
    below = above;
  });
  axes(shapes, max);
  if (days.length > 0) {
    shapes.texts.push({ x: xAt(0) + 2, y: bottom + 12, text: formatDay(days[0].date), anchor: "start", size: 8 });
    shapes.texts.push({ x: xAt(days.length - 1), y: bottom + 12, text: formatDay(days[days.length - 1].date), anchor: "end", size: 8 });
  }
  const legendWidth = plotWidth / 4;
  listNames.forEach((name, index) => {
    const x = PAD.left + legendWidth * (index % 4);
    const y = height + 14 * Math.floor(index / 4) - 6;
    shapes.rects.push({ x, y: y - 8, width: 9, height: 9, color: PALETTE[index % PALETTE.length] });
    const label = name.length > 24 ? `${name.slice(0, 23)}…` : name;
    shapes.texts.push({ x: x + 13, y, text: label, anchor: "start", size: 8 });
  });
  return shapes;
}

/** Lays out one chart of the model in a box `width` wide (the height is fixed per chart). */
export function chartShapes(model: ReportModel, chart: ChartKind, width: number): ChartShapes {
  switch (chart) {
    case "throughput":
      return bars(
        width,
        160,
        model.flow.throughputByWeek.map((week) => ({ label: formatDay(week.weekStart), value: week.completed })),
      );
    case "stages":
      return bars(
        width,
        150,
        model.milestones.stages.map((stage) => ({ label: formatLabel(stage.stage), value: stage.done, total: stage.total })),
      );
    case "cumulative-flow":
      return cumulativeFlow(width, 180, model);
  }
}
