import { DateTime } from "luxon";
import type { ReportModel } from "../model/report-model";
import type { ChartKind } from "./report-sections";
import { formatLabel } from "./format-values";

export interface ChartText {
  x: number;
  /** The text's baseline. */
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
  size: number;
  color?: string;
}

/** Drawing primitives shared by the SVG (HTML) and PDF charts, so both show the same picture. */
export interface ChartShapes {
  width: number;
  height: number;
  rects: { x: number; y: number; width: number; height: number; color: string }[];
  /** Grid lines, drawn first, behind everything else. */
  grid: { x1: number; y1: number; x2: number; y2: number; color: string }[];
  polygons: { points: [number, number][]; color: string }[];
  lines: { x1: number; y1: number; x2: number; y2: number; color: string }[];
  texts: ChartText[];
}

const PALETTE = ["#2f6fb3", "#e39a2d", "#3a9a5b", "#c0504d", "#8064a2", "#4bacc6", "#9c7a3c", "#7f7f7f"];
const AXIS = "#6b7785";
const GRID = "#e1e6ec";
const MUTED = "#5b6673";
/** An average glyph's width in ems, to lay out labels without a font at hand (generous, so labels never collide). */
const EM_WIDTH = 0.6;

/** The plot area inside a chart; everything else (labels, legend) goes around it. */
interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const textWidth = (text: string, size: number) => [...text].length * size * EM_WIDTH;

function emptyShapes(width: number): ChartShapes {
  return { width, height: 0, grid: [], rects: [], polygons: [], lines: [], texts: [] };
}

/** A round top for the value axis and its step (1, 2 or 5 × 10ⁿ), with at most four steps. */
function valueScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude,
  );
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * The frame for a plot `plotHeight` high under `topRoom`, with the value axis (ticks, grid lines, labels) for `max`
 * drawn; the baseline is the frame's bottom, where 0 sits.
 */
function valueAxis(
  shapes: ChartShapes,
  max: number,
  plotHeight: number,
  size: number,
  topRoom: number,
): Frame & { yAt: (v: number) => number } {
  const { top: scaleTop, step } = valueScale(max);
  const left = textWidth(String(scaleTop), size) + size;
  const frame = { left, right: shapes.width - size, top: topRoom, bottom: topRoom + plotHeight };
  const yAt = (value: number) => frame.bottom - (value / scaleTop) * plotHeight;
  for (let value = 0; value <= scaleTop; value += step) {
    const y = yAt(value);
    if (value > 0) shapes.grid.push({ x1: frame.left, y1: y, x2: frame.right, y2: y, color: GRID });
    shapes.texts.push({
      x: frame.left - size / 2,
      y: y + size * 0.35,
      text: String(value),
      anchor: "end",
      size,
      color: MUTED,
    });
  }
  return { ...frame, yAt };
}

/** The axis lines, drawn last so bands and bars never cover them. */
function axisLines(shapes: ChartShapes, frame: Frame): void {
  shapes.lines.push({ x1: frame.left, y1: frame.top, x2: frame.left, y2: frame.bottom, color: AXIS });
  shapes.lines.push({ x1: frame.left, y1: frame.bottom, x2: frame.right, y2: frame.bottom, color: AXIS });
}

interface Bar {
  label: string;
  value: number;
  /** Drawn behind the value (e.g. milestones in a stage), when the bar is a part of a whole. */
  total?: number;
}

function bars(width: number, size: number, items: Bar[], caption?: string): ChartShapes {
  const shapes = emptyShapes(width);
  const plotHeight = size * 10;
  const frame = valueAxis(
    shapes,
    Math.max(0, ...items.map((item) => item.total ?? item.value)),
    plotHeight,
    size,
    size * 1.6,
  );
  const slot = (frame.right - frame.left) / Math.max(1, items.length);
  const barWidth = Math.min(size * 4, slot * 0.6);
  items.forEach((item, index) => {
    const x = frame.left + slot * index + (slot - barWidth) / 2;
    if (item.total !== undefined) {
      shapes.rects.push({
        x,
        y: frame.yAt(item.total),
        width: barWidth,
        height: frame.bottom - frame.yAt(item.total),
        color: "#d6dde6",
      });
    }
    shapes.rects.push({
      x,
      y: frame.yAt(item.value),
      width: barWidth,
      height: frame.bottom - frame.yAt(item.value),
      color: PALETTE[0],
    });
    const valueText = item.total !== undefined ? `${item.value}/${item.total}` : String(item.value);
    shapes.texts.push({
      x: x + barWidth / 2,
      y: frame.yAt(item.total ?? item.value) - size * 0.4,
      text: valueText,
      anchor: "middle",
      size,
    });
    shapes.texts.push({ x: x + barWidth / 2, y: frame.bottom + size * 1.4, text: item.label, anchor: "middle", size });
  });
  axisLines(shapes, frame);
  shapes.height = frame.bottom + size * 2;
  if (caption) {
    shapes.texts.push({
      x: (frame.left + frame.right) / 2,
      y: shapes.height + size * 0.6,
      text: caption,
      anchor: "middle",
      size,
      color: MUTED,
    });
    shapes.height += size * 1.4;
  }
  return shapes;
}

const shortDay = (day: string) => DateTime.fromISO(day, { zone: "utc" }).toFormat("d LLL");

/** Open cards per list stacked from the baseline, one band per list (first list at the bottom), with a legend below. */
function cumulativeFlow(width: number, size: number, model: ReportModel): ChartShapes {
  const shapes = emptyShapes(width);
  const days = model.flow.cumulativeFlow;
  const listNames = [...new Set(days.flatMap((day) => day.lists.map((list) => list.listName)))];
  const totals = days.map((day) => day.lists.reduce((sum, list) => sum + list.cards, 0));
  const frame = valueAxis(shapes, Math.max(0, ...totals), size * 12, size, size);
  const plotWidth = frame.right - frame.left;
  const xAt = (index: number) =>
    frame.left + (days.length <= 1 ? plotWidth / 2 : (plotWidth * index) / (days.length - 1));
  let below = days.map(() => 0);
  listNames.forEach((name, listIndex) => {
    const above = days.map((day, i) => below[i] + (day.lists.find((list) => list.listName === name)?.cards ?? 0));
    const top = above.map((value, i): [number, number] => [xAt(i), frame.yAt(value)]);
    const base = below.map((value, i): [number, number] => [xAt(i), frame.yAt(value)]).reverse();
    shapes.polygons.push({ points: [...top, ...base], color: PALETTE[listIndex % PALETTE.length] });
    below = above;
  });
  axisLines(shapes, frame);
  // A tick each week from the 1st, so a day can be read off the axis.
  for (let index = 0; index < days.length; index += 7) {
    const x = xAt(index);
    shapes.lines.push({ x1: x, y1: frame.bottom, x2: x, y2: frame.bottom + size * 0.3, color: AXIS });
    const anchor = index === 0 && days.length > 1 ? "start" : "middle";
    shapes.texts.push({ x, y: frame.bottom + size * 1.4, text: shortDay(days[index].date), anchor, size });
  }
  // The legend flows in rows under the axis, each entry as wide as its (shortened) name.
  let x = frame.left;
  let y = frame.bottom + size * 3.2;
  listNames.forEach((name, index) => {
    const chars = [...name];
    const label = chars.length > 28 ? `${chars.slice(0, 27).join("")}…` : name;
    const entryWidth = size * 1.4 + textWidth(label, size) + size * 1.5;
    if (x > frame.left && x + entryWidth > frame.right) {
      x = frame.left;
      y += size * 1.6;
    }
    shapes.rects.push({
      x,
      y: y - size * 0.8,
      width: size * 0.9,
      height: size * 0.9,
      color: PALETTE[index % PALETTE.length],
    });
    shapes.texts.push({ x: x + size * 1.3, y, text: label, anchor: "start", size });
    x += entryWidth;
  });
  shapes.height = y + size * 0.8;
  return shapes;
}

function cycleTimeLabel(bin: { fromDays: number; toDays: number | null }): string {
  return bin.toDays === null ? `${bin.fromDays}+` : `${bin.fromDays}–${bin.toDays}`;
}

/**
 * Lays out one chart of the model in a box `width` wide; `textSize` is the labels' size in the same unit, and every
 * other measure follows from it, so the same chart reads alike on screen (px) and on paper (pt).
 */
export function chartShapes(model: ReportModel, chart: ChartKind, width: number, textSize: number): ChartShapes {
  switch (chart) {
    case "throughput":
      return bars(
        width,
        textSize,
        model.flow.throughputByWeek.map((week) => ({ label: shortDay(week.weekStart), value: week.completed })),
        "week starting",
      );
    case "cycle-time":
      return bars(
        width,
        textSize,
        model.flow.cycleTimeDistribution.map((bin) => ({ label: cycleTimeLabel(bin), value: bin.cards })),
        "days from created to done",
      );
    case "stages":
      return bars(
        width,
        textSize,
        model.milestones.stages.map((stage) => ({
          label: formatLabel(stage.stage),
          value: stage.done,
          total: stage.total,
        })),
      );
    case "cumulative-flow":
      return cumulativeFlow(width, textSize, model);
  }
}
