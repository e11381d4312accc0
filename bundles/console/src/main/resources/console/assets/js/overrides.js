// Overrides page: maintenance per device and curtail/resume with an expiry (technician). State from
// GET /api/v1/overrides; changes POST /api/v1/overrides/{maintenance, maintenance/end} and the API's
// one import-cap resource for a curtailment: POST /api/v1/control/import-cap {kw, minutes} sets it,
// DELETE /api/v1/control/import-cap lifts it.
//
// Element ids (for the browser tests): #overrides-safety-note, #overrides-message, #overrides-viewer-note,
// #maintenance-device, #maintenance-minutes, #maintenance-start, #maintenance-list (rows tr[data-device],
// end buttons button[data-testid="maintenance-end"]), #overrides-power, #curtail-kw, #curtail-minutes,
// #curtail-start, #curtail-resume.

import { startPage, mayAct } from './session.js';
import { getJson, postJson, deleteJson } from './api.js';
import { h, byId, fill, setText, showMessage, when, every } from './dom.js';

const REFRESH_MILLIS = 5000;
let canAct = false;

/** Runs a change (a request that answers JSON), says what it did or why it was refused, and refreshes. */
async function act(send, done) {
  try {
    const answer = await send();
    showMessage(byId('overrides-message'), done(answer), 'ok');
  } catch (e) {
    showMessage(byId('overrides-message'), 'Refused: ' + e.message, 'error');
  }
  refresh();
}

/** The number typed in a field; the server refuses what is out of range, with the reason. */
function numberIn(id) {
  return Number(byId(id).value);
}

function startMaintenance() {
  const device = byId('maintenance-device').value;
  act(() => postJson('/api/v1/overrides/maintenance', { device, minutes: numberIn('maintenance-minutes') }),
    (a) => device + ' in maintenance until ' + when(a.maintenance.untilMillis) + '.');
}

function endMaintenance(device) {
  act(() => postJson('/api/v1/overrides/maintenance/end', { device }), () => device + ' is back under control.');
}

function curtail() {
  const cap = { kw: numberIn('curtail-kw'), minutes: numberIn('curtail-minutes') };
  act(() => postJson('/api/v1/control/import-cap', cap),
    (a) => 'Import capped at ' + a.importCapKw + ' kW until ' + when(a.untilMillis) + '.');
}

function resume() {
  act(() => deleteJson('/api/v1/control/import-cap'),
    (a) => (a.lifted ? 'Curtailment ended. ' : 'No curtailment was in force. ') + a.note);
}

function showMaintenance(windows) {
  fill(byId('maintenance-list'), windows.length === 0
    ? h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No device in maintenance.'))
    : windows.map((w) => h('tr', { 'data-device': w.device },
      h('td', {}, w.device), h('td', {}, when(w.sinceMillis)), h('td', {}, when(w.untilMillis)), h('td', {}, w.source),
      h('td', {}, canAct ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'maintenance-end',
        onclick: () => endMaintenance(w.device) }, 'End') : null))));
}

async function refresh() {
  try {
    const state = await getJson('/api/v1/overrides');
    showMaintenance(state.maintenance);
    setText('overrides-power', state.power);
  } catch (e) {
    showMessage(byId('overrides-message'), 'Not available: ' + e.message, 'error');
  }
}

async function loadDevices() {
  const { devices } = await getJson('/api/v1/devices');
  fill(byId('maintenance-device'), devices.map((d) => h('option', { value: d.device }, d.device)));
}

const user = await startPage('overrides');
canAct = mayAct(user, 'technician');
byId('overrides-viewer-note').hidden = canAct;
for (const id of ['maintenance-form', 'curtail-form']) {
  byId(id).hidden = !canAct;
}
byId('maintenance-start').addEventListener('click', startMaintenance);
byId('curtail-start').addEventListener('click', curtail);
byId('curtail-resume').addEventListener('click', resume);
loadDevices().catch((e) => showMessage(byId('overrides-message'), 'Devices not available: ' + e.message, 'error'));
every(REFRESH_MILLIS, refresh);
