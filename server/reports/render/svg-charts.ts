import type { ReportModel } from "../model/report-model";
import { chartShapes, type ChartShapes } from "./chart-shapes";
import { escapeHtml } from "./escape-html";
import type { ChartKind } from "./report-sections";

const round = (value: number) => Math.round(value * 10) / 10;

const line = (l: ChartShapes["lines"][number]) =>
  `<line x1="${round(l.x1)}" y1="${round(l.y1)}" x2="${round(l.x2)}" y2="${round(l.y2)}" stroke="${l.color}"/>`;

/** Chart labels in px at the chart's full width: the 11 px a printed page needs, and a little more. */
const TEXT_PX = 12;
const TEXT_COLOR = "#1d2733";

/** One chart of the model as an inline SVG element (labels escaped), `title` read by screen readers. */
export function renderSvgChart(model: ReportModel, chart: ChartKind, title: string, width = 640): string {
  const shapes = chartShapes(model, chart, width, TEXT_PX);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${chart}" role="img" viewBox="0 0 ${shapes.width} ${shapes.height}" width="100%" style="max-width:${shapes.width}px">`,
    `<title>${escapeHtml(title)}</title>`,
    ...shapes.grid.map(line),
    ...shapes.polygons.map(
      (p) =>
        `<polygon points="${p.points.map(([x, y]) => `${round(x)},${round(y)}`).join(" ")}" fill="${p.color}" fill-opacity="0.85"/>`,
    ),
    ...shapes.rects.map(
      (r) =>
        `<rect x="${round(r.x)}" y="${round(r.y)}" width="${round(r.width)}" height="${round(r.height)}" fill="${r.color}"/>`,
    ),
    ...shapes.lines.map(line),
    ...shapes.texts.map(
      (t) =>
        `<text x="${round(t.x)}" y="${round(t.y)}" text-anchor="${t.anchor}" font-size="${t.size}" fill="${t.color ?? TEXT_COLOR}">${escapeHtml(t.text)}</text>`,
    ),
    "</svg>",
  ];
  return parts.join("");
}
