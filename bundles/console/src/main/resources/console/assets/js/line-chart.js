// A plain SVG line chart: time on x, one or more series on y, gaps where values are missing. Drawn
// from scratch on every update (a few thousand points at most), sized to the element it is in. Its element,
// range and path helpers are shared with the charts of other shapes (plan-chart.js).

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 220;
const PAD = { left: 48, right: 10, top: 10, bottom: 22 };
const Y_TICKS = 4;
const X_TICKS = 5;

export function svgEl(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    el.setAttribute(k, String(v));
  }
  return el;
}

/** Lower and upper bound of every finite value, padded; a flat line gets ±1 around it. */
export function yRange(lines) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const line of lines) {
    for (const v of line.values) {
      if (v !== null && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (lo === Infinity) {
    return [0, 1];
  }
  if (hi - lo < 1e-9) {
    return [lo - 1, hi + 1];
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** The path of one series; a missing value, or a time step over maxGap seconds, breaks the line. */
export function pathOf(t, values, x, y, maxGap) {
  let d = '';
  let drawing = false;
  for (let i = 0; i < t.length; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v) || (i > 0 && t[i] - t[i - 1] > maxGap)) {
      drawing = false;
      if (v === null || !Number.isFinite(v)) {
        continue;
      }
    }
    d += (drawing ? 'L' : 'M') + x(t[i]).toFixed(1) + ' ' + y(v).toFixed(1);
    drawing = true;
  }
  return d;
}

function timeLabel(epochSeconds, withSeconds) {
  const opts = withSeconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
  return new Date(epochSeconds * 1000).toLocaleTimeString(undefined, opts);
}

function drawAxes(svg, width, from, to, lo, hi, x, y) {
  const axis = svgEl('g', { class: 'axis' });
  for (let i = 0; i <= Y_TICKS; i++) {
    const v = lo + ((hi - lo) * i) / Y_TICKS;
    axis.append(svgEl('line', { x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v) }));
    const label = svgEl('text', { x: PAD.left - 4, y: y(v) + 4, 'text-anchor': 'end' });
    label.textContent = Math.abs(hi - lo) < 10 ? v.toFixed(1) : Math.round(v).toString();
    axis.append(label);
  }
  for (let i = 0; i <= X_TICKS; i++) {
    const t = from + ((to - from) * i) / X_TICKS;
    const label = svgEl('text', { x: x(t), y: HEIGHT - 6, 'text-anchor': i === 0 ? 'start' : i === X_TICKS ? 'end' : 'middle' });
    label.textContent = timeLabel(t, to - from <= 900);
    axis.append(label);
  }
  svg.append(axis);
}

/**
 * Draws into an <svg>: data = { t: [epoch s...], lines: [{ values: [...] }], from, to, stepSeconds }.
 * Line i gets the CSS class series-i.
 */
export function drawLineChart(svg, data) {
  const width = Math.max(200, svg.clientWidth || 600);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + HEIGHT);
  svg.replaceChildren();
  const [lo, hi] = yRange(data.lines);
  const span = Math.max(1, data.to - data.from);
  const x = (t) => PAD.left + ((t - data.from) / span) * (width - PAD.left - PAD.right);
  const y = (v) => HEIGHT - PAD.bottom - ((v - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
  drawAxes(svg, width, data.from, data.to, lo, hi, x, y);
  data.lines.forEach((line, i) => {
    svg.append(svgEl('path', { class: 'series series-' + i, d: pathOf(data.t, line.values, x, y, data.stepSeconds * 3) }));
  });
}
