// The fleet's measured efficiency as both pages of the Economics area show it (/api/v1/economics/efficiency):
// the fleet's J/TH and hashrate, the number of underperformers and what they lose per day, and the
// underperformers ranked by lost revenue per day (the gateway sends them in that order). The Economics page shows
// this below its economics panels; the Efficiency page adds every miner's row (showRest).
//
// Element ids (both pages): #efficiency-message, #efficiency-fleet-jth, #efficiency-fleet-ths,
// #efficiency-underperformer-count, #efficiency-lost, #efficiency-underperformer-table (an empty <table> this
// module fills: its header and the tbody #efficiency-underperformers, rows tr[data-miner], or one tr.empty when
// there is none).

import { getJson } from './api.js';
import { h, byId, fill, setText, showMessage, num, when } from './dom.js';

const UNDERPERFORMER_HEADINGS = [['Miner'], ['Model'], ['Why'], ['Measured TH/s', 'num'], ['Expected TH/s', 'num'],
  ['Deficit', 'num'], ['J/TH', 'num'], ['Lost USD/day', 'num'], ['Since']];

/** A number cell. */
export function cell(value, decimals, unit = '') {
  return h('td', { class: 'num' }, num(value, decimals, unit));
}

function underperformerRow(m) {
  return h('tr', { 'data-miner': m.index }, [h('td', {}, String(m.index)), h('td', {}, m.model), h('td', {}, m.why),
    cell(m.hashrateThs, 1), cell(m.expectedThs, 1), cell(m.deficitPct, 0, '%'), cell(m.joulesPerTh, 1),
    cell(m.lostUsdPerDay, 2), h('td', {}, when(m.underperformingSinceMillis))]);
}

function show(e) {
  setText('efficiency-fleet-jth', num(e.joulesPerTh, 1, 'J/TH'));
  setText('efficiency-fleet-ths', num(e.hashrateThs, 0, 'TH/s'));
  setText('efficiency-underperformer-count', e.underperformers.length);
  setText('efficiency-lost', num(e.underperformers.reduce((sum, m) => sum + (m.lostUsdPerDay || 0), 0), 2, 'USD'));
  const rows = e.underperformers.length === 0
    ? h('tr', { class: 'empty' },
      h('td', { colspan: UNDERPERFORMER_HEADINGS.length, class: 'muted' }, 'No underperformer.'))
    : e.underperformers.map(underperformerRow);
  fill(byId('efficiency-underperformer-table'),
    h('thead', {}, h('tr', {}, UNDERPERFORMER_HEADINGS.map(([text, kind]) => h('th', { class: kind }, text)))),
    h('tbody', { id: 'efficiency-underperformers' }, rows));
}

/** Fetches the fleet's efficiency and shows it; showRest(e) draws what else the page has of it. */
export async function refreshFleetEfficiency(showRest = () => {}) {
  try {
    const e = await getJson('/api/v1/economics/efficiency');
    show(e);
    showRest(e);
    showMessage(byId('efficiency-message'), '');
  } catch (e) {
    showMessage(byId('efficiency-message'), 'Efficiency not available: ' + e.message, 'error');
  }
}
