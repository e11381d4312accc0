// Charts page: the gateway's local history (/api/v1/history) for the last hour or 24 hours, kept
// live: in the hour view each second's values from the live stream are appended; the 24 h view is
// fetched again every minute.
//
// Element ids (for the browser tests): #charts-range-1h, #charts-range-24h (aria-pressed), #charts-status,
// #charts-message, #chart-power, #chart-cooling, #chart-battery-soc, #chart-battery-kw (each a section
// with an <svg> and a .legend; data-series lists its series).

import { startPage } from './session.js';
import { getJson } from './api.js';
import { followOverview } from './live.js';
import { drawLineChart } from './line-chart.js';
import { h, byId, fill, setText, showMessage, num } from './dom.js';

const DAY_REFRESH_MILLIS = 60000;
const charts = [...document.querySelectorAll('.chart')];
let range = '1h';
let history = null;
let dayTimer = null;

async function load() {
  try {
    history = await getJson('/api/v1/history?range=' + range);
    showMessage(byId('charts-message'), '');
    draw();
  } catch (e) {
    showMessage(byId('charts-message'), 'History not available: ' + e.message, 'error');
  }
}

function latest(values) {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) {
      return values[i];
    }
  }
  return null;
}

function draw() {
  const now = Date.now() / 1000;
  const windowSeconds = range === '1h' ? 3600 : 86400;
  for (const chart of charts) {
    const keys = chart.dataset.series.split(',');
    const lines = keys.map((k) => history.series[k]);
    drawLineChart(chart.querySelector('svg'), {
      t: history.t, lines, from: now - windowSeconds, to: now, stepSeconds: history.stepSeconds,
    });
    fill(chart.querySelector('.legend'), keys.map((k, i) => h('span', { 'data-series': k },
      h('span', { class: 'swatch series-' + i }), history.series[k].label + ': ',
      h('strong', {}, num(latest(history.series[k].values), 1, history.series[k].unit)))));
  }
  setText('charts-status', history.t.length + ' points, every ' + history.stepSeconds + ' s');
}

/** Appends one second of the live stream to the hour view and drops what left the window. */
function append(overview) {
  if (range !== '1h' || !history) {
    return;
  }
  const t = Math.floor(overview.timestampMillis / 1000);
  if (history.t.length && history.t[history.t.length - 1] >= t) {
    return;
  }
  history.t.push(t);
  for (const [key, column] of Object.entries(history.series)) {
    column.values.push(overview.series[key] ?? null);
  }
  const cutoff = t - 3600;
  let drop = 0;
  while (drop < history.t.length && history.t[drop] <= cutoff) {
    drop++;
  }
  if (drop > 0) {
    history.t.splice(0, drop);
    Object.values(history.series).forEach((c) => c.values.splice(0, drop));
  }
  draw();
}

function choose(newRange) {
  range = newRange;
  document.querySelectorAll('[data-range]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.range === range)));
  clearInterval(dayTimer);
  if (range === '24h') {
    dayTimer = setInterval(load, DAY_REFRESH_MILLIS);
  }
  load();
}

await startPage('charts');
document.querySelectorAll('[data-range]').forEach((b) => b.addEventListener('click', () => choose(b.dataset.range)));
window.addEventListener('resize', () => history && draw());
choose('1h');
followOverview(append, () => {});
