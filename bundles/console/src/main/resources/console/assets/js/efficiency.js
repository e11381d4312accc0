// Efficiency page: the fleet's measured J/TH, the underperformers ranked by lost revenue per day and every
// modelled miner's numbers (/api/v1/economics/efficiency), refreshed every 10 s. Read-only: viewers see it all.
//
// Element ids (for the browser tests): #efficiency-message, #efficiency-fleet-jth, #efficiency-fleet-ths,
// #efficiency-fleet-kw, #efficiency-hashprice, #efficiency-underperformer-count, #efficiency-lost,
// #efficiency-updated, #efficiency-underperformers and #efficiency-miners (tbody; rows tr[data-miner]).

import { startPage } from './session.js';
import { getJson } from './api.js';
import { h, byId, fill, setText, showMessage, num, when, every } from './dom.js';

const REFRESH_MILLIS = 10000;

function cell(value, decimals, unit = '') {
  return h('td', { class: 'num' }, num(value, decimals, unit));
}

function underperformerRow(m) {
  return h('tr', { 'data-miner': m.index }, [h('td', {}, String(m.index)), h('td', {}, m.model), h('td', {}, m.why),
    cell(m.hashrateThs, 1), cell(m.expectedThs, 1), cell(m.deficitPct, 0, '%'), cell(m.joulesPerTh, 1),
    cell(m.lostUsdPerDay, 2), h('td', {}, when(m.underperformingSinceMillis))]);
}

function minerRow(m) {
  const attrs = { 'data-miner': m.index, class: m.underperforming ? 'limits' : null };
  if (!m.awake) {
    return h('tr', attrs, [h('td', {}, String(m.index)), h('td', {}, m.model),
      h('td', { colspan: 5, class: 'muted' }, 'not hashing'), cell(m.pointsLearned, 0), cell(m.samplesLearned, 0)]);
  }
  return h('tr', attrs, [h('td', {}, String(m.index)), h('td', {}, m.model), cell(m.powerW, 0, 'W'),
    cell(m.hashrateThs, 1), cell(m.joulesPerTh, 1), cell(m.expectedThs, 1), cell(m.deficitPct, 0, '%'),
    cell(m.pointsLearned, 0), cell(m.samplesLearned, 0)]);
}

function show(e) {
  setText('efficiency-fleet-jth', num(e.joulesPerTh, 1, 'J/TH'));
  setText('efficiency-fleet-ths', num(e.hashrateThs, 0, 'TH/s'));
  setText('efficiency-fleet-kw', num(e.powerW / 1000, 0, 'kW'));
  setText('efficiency-hashprice', num(e.netHashpriceUsdPerThDay, 4, 'USD/TH/day'));
  setText('efficiency-underperformer-count', e.underperformers.length);
  setText('efficiency-lost', num(e.underperformers.reduce((sum, m) => sum + (m.lostUsdPerDay || 0), 0), 2, 'USD'));
  setText('efficiency-updated', when(e.atMillis));
  fill(byId('efficiency-underperformers'), e.underperformers.length === 0
    ? h('tr', {}, h('td', { colspan: 9, class: 'muted' }, 'No underperformer.'))
    : e.underperformers.map(underperformerRow));
  fill(byId('efficiency-miners'), e.miners.length === 0
    ? h('tr', {}, h('td', { colspan: 9, class: 'muted' }, 'No miner with a model on this site.'))
    : e.miners.map(minerRow));
}

async function refresh() {
  try {
    show(await getJson('/api/v1/economics/efficiency'));
    showMessage(byId('efficiency-message'), '');
  } catch (e) {
    showMessage(byId('efficiency-message'), 'Efficiency not available: ' + e.message, 'error');
  }
}

await startPage('efficiency');
every(REFRESH_MILLIS, refresh);
