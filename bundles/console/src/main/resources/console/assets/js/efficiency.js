// Efficiency page, the Economics area's detail: the fleet's measured J/TH and the underperformers as the
// Economics page shows them (fleet-efficiency.js), with the fleet's power and net hashprice, and every modelled
// miner's numbers with its firmware dialect and what its firmware says about pausing, refreshed every 10 s.
// Read-only: viewers see it all. It is reached from the Economics page, whose nav entry it keeps.
//
// Element ids (for the browser tests), besides fleet-efficiency.js's: #efficiency-economics-link,
// #efficiency-fleet-kw, #efficiency-hashprice, #efficiency-updated and #efficiency-miners (tbody; rows
// tr[data-miner] with td.dialect and td.pause-reason).

import { startPage } from './session.js';
import { refreshFleetEfficiency, cell } from './fleet-efficiency.js';
import { h, byId, fill, setText, num, when, every } from './dom.js';

const REFRESH_MILLIS = 10000;
const MINER_COLUMNS = 11;

/** The firmware's own words: its dialect and its pause reason ('—' where its dialect reads none). */
function firmwareCells(m) {
  return [h('td', { class: 'dialect' }, m.dialect ?? '—'), h('td', { class: 'pause-reason' }, m.pauseReason ?? '—')];
}

function minerRow(m) {
  const attrs = { 'data-miner': m.index, class: m.underperforming ? 'limits' : null };
  if (!m.awake) {
    return h('tr', attrs, [h('td', {}, String(m.index)), h('td', {}, m.model),
      h('td', { colspan: 5, class: 'muted' }, 'not hashing'), cell(m.pointsLearned, 0), cell(m.samplesLearned, 0),
      ...firmwareCells(m)]);
  }
  return h('tr', attrs, [h('td', {}, String(m.index)), h('td', {}, m.model), cell(m.powerW, 0, 'W'),
    cell(m.hashrateThs, 1), cell(m.joulesPerTh, 1), cell(m.expectedThs, 1), cell(m.deficitPct, 0, '%'),
    cell(m.pointsLearned, 0), cell(m.samplesLearned, 0), ...firmwareCells(m)]);
}

function showRest(e) {
  setText('efficiency-fleet-kw', num(e.powerW / 1000, 0, 'kW'));
  setText('efficiency-hashprice', num(e.netHashpriceUsdPerThDay, 4, 'USD/TH/day'));
  setText('efficiency-updated', when(e.atMillis));
  fill(byId('efficiency-miners'), e.miners.length === 0
    ? h('tr', {}, h('td', { colspan: MINER_COLUMNS, class: 'muted' }, 'No miner with a model on this site.'))
    : e.miners.map(minerRow));
}

await startPage('economics');
every(REFRESH_MILLIS, () => refreshFleetEfficiency(showRest));
