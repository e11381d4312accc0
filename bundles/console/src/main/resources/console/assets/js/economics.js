// Economics page: the controller's economics status (/api/v1/economics), refreshed every 5 s: the economic
// limit and why, the energy price now with its source and any fallback, the prices of the next 24 h as a
// step chart (line-chart.js), the hashprice (stale flagged), the fleet's profit now and today, the breakeven
// price per model with what economics does with its units, and the local price file's state. Below them, every
// 10 s, the fleet's measured efficiency and the underperformers (fleet-efficiency.js), with a link to the
// Efficiency page's every-miner table: one Economics area, one nav entry.
//
// Element ids (for the browser tests): #economics-message (economics off, or not available), #economics-content,
// #economics-limit, #economics-reason, #economics-price, #economics-price-source, #economics-price-basis,
// #economics-price-fallback, #economics-hashprice, #economics-pool-fee, #economics-hashprice-net,
// #economics-hashprice-origin, #economics-hashprice-stale, #economics-profit-hour, #economics-profit-today,
// #economics-profit-since, #economics-profit-basis, #economics-ahead (section with an <svg>; data-points),
// #economics-models (tbody; rows tr[data-model]), #economics-price-file-panel, #economics-price-file,
// #economics-price-file-applied, #economics-price-file-slots, #economics-price-file-problem; #economics-efficiency
// and #economics-underperformers (sections with fleet-efficiency.js's ids), #economics-efficiency-link.

import { startPage } from './session.js';
import { getJson } from './api.js';
import { drawLineChart } from './line-chart.js';
import { refreshFleetEfficiency } from './fleet-efficiency.js';
import { h, byId, fill, setText, showMessage, num, when, ago, every } from './dom.js';

const REFRESH_MILLIS = 5000;
const EFFICIENCY_REFRESH_MILLIS = 10000;

/** A message element shown with its text, hidden without. */
function flag(id, text, kind) {
  showMessage(byId(id), text, kind);
}

function usd(value, decimals = 2) {
  return Number.isFinite(value) ? num(value, decimals, 'USD') : '—';
}

function showPrice(p) {
  setText('economics-price', num(p.usdPerMwh, 1, 'USD/MWh'));
  setText('economics-price-source', p.source.toLowerCase());
  setText('economics-price-basis', p.basis);
  flag('economics-price-fallback', p.fallback ? 'Fallback: ' + p.fallback : '', 'warn');
}

function showHashprice(hp, now) {
  setText('economics-hashprice', num(hp.usdPerThDay * 1000, 1, 'USD/PH/day'));
  setText('economics-pool-fee', num(hp.poolFee * 100, 1, '%'));
  setText('economics-hashprice-net', num(hp.netUsdPerThDay * 1000, 1, 'USD/PH/day'));
  setText('economics-hashprice-origin', hp.origin === 'RECEIVED' ? 'received ' + ago(hp.receivedAtMillis, now)
    : 'the site configuration');
  flag('economics-hashprice-stale', hp.stale ? 'Stale: older than its validity of ' + Math.round(hp.validitySeconds / 60)
    + ' min; kept until a newer one comes (alarm economics.hashprice-stale).' : '', 'warn');
}

function showProfit(p) {
  setText('economics-profit-hour', usd(p.usdPerHour));
  setText('economics-profit-today', usd(p.usdToday));
  setText('economics-profit-since', when(p.todaySinceMillis));
  setText('economics-profit-basis', 'Hashrate and power ' + p.basis + '. Today is kept in memory on the gateway:'
    + ' it starts again at local midnight and with the gateway.');
}

/** The prices ahead as a step line: each stretch from its start to its end at its price. */
function drawAhead(ahead, from) {
  const t = [];
  const values = [];
  for (const a of ahead) {
    t.push(a.startMillis / 1000, a.endMillis / 1000);
    values.push(a.usdPerMwh, a.usdPerMwh);
  }
  const section = byId('economics-ahead');
  section.dataset.points = String(ahead.length);
  const to = ahead.length ? ahead[ahead.length - 1].endMillis / 1000 : from / 1000;
  drawLineChart(section.querySelector('svg'), { t, lines: [{ values }], from: from / 1000, to, stepSeconds: to - from / 1000 });
  const live = ahead.filter((a) => a.source === 'LIVE').length;
  fill(byId('economics-ahead-legend'), h('span', {}, h('span', { class: 'swatch series-0' }),
    live ? live + ' live or forecast slot(s), the tariff elsewhere' : 'the tariff (no live prices ahead)'));
}

function showModels(models) {
  fill(byId('economics-models'), models.map((m) => h('tr', { 'data-model': m.model },
    h('td', {}, m.model), h('td', { class: 'num' }, num(m.breakevenUsdPerMwh, 1)), h('td', { class: 'num' }, m.units),
    h('td', { class: 'num' }, m.lowered), h('td', { class: 'num' }, m.asleep))));
}

function showPriceFile(f) {
  byId('economics-price-file-panel').hidden = !f;
  if (!f) {
    return;
  }
  setText('economics-price-file', f.path);
  setText('economics-price-file-applied', f.appliedMillis ? when(f.appliedMillis) : 'not yet');
  setText('economics-price-file-slots', f.slots);
  flag('economics-price-file-problem', f.problem ? 'Refused, the prices taken before stay in force: ' + f.problem : '',
    'error');
}

function show(e) {
  byId('economics-content').hidden = false;
  setText('economics-limit', Number.isFinite(e.limitKw) ? num(e.limitKw, 0, 'kW') : 'no limit');
  setText('economics-reason', e.reason);
  showPrice(e.priceNow);
  showHashprice(e.hashprice, e.timestampMillis);
  showProfit(e.profit);
  drawAhead(e.ahead, e.timestampMillis);
  showModels(e.models);
  showPriceFile(e.priceFile);
}

async function refresh() {
  try {
    show(await getJson('/api/v1/economics'));
    flag('economics-message', '');
  } catch (e) {
    byId('economics-content').hidden = e.status === 404;
    flag('economics-message', (e.status === 404 ? '' : 'Economics not available: ') + e.message,
      e.status === 404 ? 'info' : 'error');
  }
}

await startPage('economics');
every(REFRESH_MILLIS, refresh);
every(EFFICIENCY_REFRESH_MILLIS, refreshFleetEfficiency);
