// The Plan page's 48-hour chart, plain SVG like line-chart.js (whose helpers it uses): the slots' prices on the
// left axis (USD/MWh), their powers on the right axis (kW), the state of charge at each slot's end on 0-100 % of the
// height, and a "now" marker. Prices and powers are averages over their slot, so they are drawn as steps.

import { svgEl, pathOf, yRange } from './line-chart.js';

const HEIGHT = 300;
const PAD = { left: 48, right: 52, top: 10, bottom: 22 };
const Y_TICKS = 4;
/** Hours between time labels: fewer on a phone, where a label is about 80 px wide. */
const xTickHours = (width) => (width < 600 ? 12 : 6);
const SLOT_SECONDS = 900;

/** The series drawn, in legend order: key in a slot, label, CSS class, axis. */
export const PLAN_SERIES = [
  { key: 'importUsdPerMwh', label: 'import price', cls: 'plan-import-price', axis: 'price' },
  { key: 'exportUsdPerMwh', label: 'export price', cls: 'plan-export-price', axis: 'price' },
  { key: 'batteryKw', label: 'battery kW', cls: 'plan-battery', axis: 'power' },
  { key: 'miningKw', label: 'mining kW', cls: 'plan-mining', axis: 'power' },
  { key: 'importKw', label: 'import kW', cls: 'plan-import', axis: 'power' },
  { key: 'exportKw', label: 'export kW', cls: 'plan-export', axis: 'power' },
  { key: 'pvForecastKw', label: 'PV forecast kW', cls: 'plan-pv', axis: 'power' },
  { key: 'socPct', label: 'SoC %', cls: 'plan-soc', axis: 'soc' },
];

function label(v, lo, hi) {
  return Math.abs(hi - lo) < 10 ? v.toFixed(1) : Math.round(v).toString();
}

/** Horizontal grid lines with the price scale on the left and the power scale on the right. */
function drawScales(axis, width, price, power) {
  for (let i = 0; i <= Y_TICKS; i++) {
    const y = HEIGHT - PAD.bottom - ((HEIGHT - PAD.top - PAD.bottom) * i) / Y_TICKS;
    axis.append(svgEl('line', { x1: PAD.left, x2: width - PAD.right, y1: y, y2: y }));
    const left = svgEl('text', { x: PAD.left - 4, y: y + 4, 'text-anchor': 'end' });
    left.textContent = label(price[0] + ((price[1] - price[0]) * i) / Y_TICKS, price[0], price[1]);
    const right = svgEl('text', { x: width - PAD.right + 4, y: y + 4, 'text-anchor': 'start' });
    right.textContent = label(power[0] + ((power[1] - power[0]) * i) / Y_TICKS, power[0], power[1]);
    axis.append(left, right);
  }
}

/** A label every few hours on the hour, with the weekday: 48 hours span three days. */
function drawTimes(axis, width, from, to, x) {
  const step = xTickHours(width) * 3600;
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
    const text = svgEl('text', { x: x(t), y: HEIGHT - 6, 'text-anchor': 'middle' });
    text.textContent = new Date(t * 1000).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    axis.append(svgEl('line', { x1: x(t), x2: x(t), y1: PAD.top, y2: HEIGHT - PAD.bottom }), text);
  }
}

/** A scale from lo..hi onto the plot's height. */
function scale(lo, hi) {
  return (v) => HEIGHT - PAD.bottom - ((v - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
}

/**
 * Draws the plan's slots into an <svg>, with the now marker at nowMillis; returns the number of series drawn
 * with at least one point.
 */
export function drawPlanChart(svg, slots, nowMillis) {
  const width = Math.max(320, svg.clientWidth || 800);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + HEIGHT);
  svg.replaceChildren();
  if (!slots.length) {
    return 0;
  }
  const from = slots[0].startMillis / 1000;
  const to = slots[slots.length - 1].startMillis / 1000 + SLOT_SECONDS;
  const x = (t) => PAD.left + ((t - from) / (to - from)) * (width - PAD.left - PAD.right);
  // steps: each slot's value from its start to its end
  const stepT = slots.flatMap((s) => [s.startMillis / 1000, s.startMillis / 1000 + SLOT_SECONDS]);
  const steps = (key) => slots.flatMap((s) => [s[key], s[key]]);
  const ends = slots.map((s) => s.startMillis / 1000 + SLOT_SECONDS);
  const of = (axisName) => PLAN_SERIES.filter((s) => s.axis === axisName).map((s) => ({ values: steps(s.key) }));
  const price = yRange(of('price'));
  const power = yRange([...of('power'), { values: [0] }]); // zero always shown: the battery's sign matters
  const y = { price: scale(price[0], price[1]), power: scale(power[0], power[1]), soc: scale(0, 100) };
  const axis = svgEl('g', { class: 'axis' });
  drawScales(axis, width, price, power);
  drawTimes(axis, width, from, to, x);
  axis.append(svgEl('line', { class: 'plan-zero', x1: PAD.left, x2: width - PAD.right, y1: y.power(0), y2: y.power(0) }));
  svg.append(axis);
  let drawn = 0;
  for (const s of PLAN_SERIES) {
    const t = s.axis === 'soc' ? ends : stepT;
    const values = s.axis === 'soc' ? slots.map((slot) => slot.socPct) : steps(s.key);
    const d = pathOf(t, values, x, y[s.axis], SLOT_SECONDS * 3);
    svg.append(svgEl('path', { class: 'series ' + s.cls, 'data-series': s.key, d }));
    drawn += d ? 1 : 0;
  }
  const now = Math.min(to, Math.max(from, nowMillis / 1000));
  const marker = svgEl('g', { class: 'plan-now', id: 'plan-chart-now' });
  const nowText = svgEl('text', { x: x(now) + 3, y: PAD.top + 10 });
  nowText.textContent = 'now';
  marker.append(svgEl('line', { x1: x(now), x2: x(now), y1: PAD.top, y2: HEIGHT - PAD.bottom }), nowText);
  svg.append(marker);
  return drawn;
}
