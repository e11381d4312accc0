// Plan page: the storage and mining plan the controller follows (/api/v1/plan), refreshed every 10 s: its state
// (FOLLOWING; FALLBACK with its reason in a warning, the rule-based battery running; WAITING for the first solve),
// when and why it was solved and how long that took, the 48 hours ahead as a chart (plan-chart.js), what the plan
// is worth by term, and the current slot as planned against what the controller does now.
//
// Element ids (for the browser tests): #plan-message (planner off, or not available), #plan-content, #plan-state,
// #plan-reason, #plan-fallback, #plan-solved, #plan-trigger, #plan-solve-time, #plan-chart (section with an <svg>;
// data-slots, data-series = series drawn; paths path[data-series=<slot key>]; #plan-chart-now), #plan-chart-legend,
// #plan-objective, #plan-mining, #plan-export, #plan-import, #plan-wear, #plan-demand, #plan-now (tbody; rows
// tr[data-figure=mining|battery|soc|import|pv]), #plan-battery-reason.

import { startPage } from './session.js';
import { getJson } from './api.js';
import { drawPlanChart, PLAN_SERIES } from './plan-chart.js';
import { h, byId, fill, setText, showMessage, num, when, every } from './dom.js';

const REFRESH_MILLIS = 10000;

function usd(value) {
  return num(value, 2, 'USD');
}

function showState(p) {
  setText('plan-state', p.state);
  setText('plan-reason', p.reason);
  const fallback = p.state === 'FALLBACK';
  showMessage(byId('plan-fallback'), fallback ? 'Fallback: the rule-based battery runs. ' + p.reason : '', 'warn');
  byId('plan-reason').hidden = fallback;
  setText('plan-solved', p.solvedAtMillis ? when(p.solvedAtMillis) : 'not yet');
  setText('plan-trigger', p.trigger || '—');
  setText('plan-solve-time', p.solvedAtMillis ? num(p.solveMillis, 0, 'ms') : '—');
}

function showTotals(t) {
  setText('plan-objective', usd(t.objectiveUsd));
  setText('plan-mining', usd(t.miningUsd));
  setText('plan-export', usd(t.exportUsd));
  setText('plan-import', usd(-t.importUsd));
  setText('plan-wear', usd(-t.wearUsd));
  setText('plan-demand', usd(-t.demandUsd));
}

function showNow(n) {
  const rows = n ? [
    ['mining', 'Mining kW', n.plannedMiningKw, n.miningKw, 0],
    ['battery', 'Battery kW (+ discharge)', n.plannedBatteryKw, n.batteryKw, 0],
    ['soc', 'State of charge %', n.plannedSocPct, n.socPct, 1],
    ['import', 'Import kW', n.plannedImportKw, n.importKw, 0],
    ['pv', 'PV kW', n.pvForecastKw, n.pvKw, 0],
  ] : [];
  fill(byId('plan-now'), rows.map(([figure, name, planned, now, decimals]) => h('tr', { 'data-figure': figure },
    h('th', {}, name), h('td', { class: 'num' }, num(planned, decimals)), h('td', { class: 'num' }, num(now, decimals)))));
  setText('plan-battery-reason', n && n.batteryReason ? 'Battery now: ' + n.batteryReason : '');
}

function drawChart(p) {
  const section = byId('plan-chart');
  section.dataset.slots = String(p.slots.length);
  section.dataset.series = String(drawPlanChart(section.querySelector('svg'), p.slots, p.timestampMillis));
  fill(byId('plan-chart-legend'), p.slots.length ? PLAN_SERIES.map((s) => h('span', {},
    h('span', { class: 'swatch ' + s.cls }), s.label)) : h('span', {}, 'no plan yet'));
}

function show(p) {
  byId('plan-content').hidden = false;
  showState(p);
  showTotals(p.totals);
  showNow(p.now);
  drawChart(p);
}

async function refresh() {
  try {
    show(await getJson('/api/v1/plan'));
    showMessage(byId('plan-message'), '');
  } catch (e) {
    byId('plan-content').hidden = e.status === 404;
    showMessage(byId('plan-message'), (e.status === 404 ? '' : 'Plan not available: ') + e.message,
      e.status === 404 ? 'info' : 'error');
  }
}

await startPage('plan');
every(REFRESH_MILLIS, refresh);
