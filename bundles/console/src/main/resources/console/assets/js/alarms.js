// Alarms page: active alarms and the history (/api/v1/control/alarms), refreshed every 5 s;
// technicians acknowledge (POST /api/v1/control/alarms/ack?id=) and reset latched trips
// (POST /api/v1/control/reset).
//
// Element ids (for the browser tests): #alarms-message, #alarms-reset-panel, #alarms-reset,
// #alarms-active-count, #alarms-active and #alarms-history (tbody; rows tr[data-alarm-id][data-raised],
// data-acknowledged="true|false"), ack buttons button[data-testid="alarm-ack"] in active rows and in
// history rows of cleared, unacknowledged alarms.

import { startPage, mayAct } from './session.js';
import { getJson, postJson } from './api.js';
import { h, byId, fill, setText, showMessage, when, every } from './dom.js';

const REFRESH_MILLIS = 5000;
let canAct = false;

function severity(a) {
  return h('td', { class: 'sev-' + a.severity.toLowerCase() }, a.severity.toLowerCase());
}

function acknowledgement(a) {
  return a.acknowledgedMillis ? a.acknowledgedBy + ', ' + when(a.acknowledgedMillis) : 'no';
}

/** Active alarms are acknowledged in the active table; the history offers it for cleared ones only. */
function ackButton(a, inHistory = false) {
  if (!canAct || a.acknowledgedMillis || (inHistory && !a.clearedMillis)) {
    return h('td');
  }
  return h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-testid': 'alarm-ack', onclick: () => acknowledge(a.id) },
    'Acknowledge'));
}

function row(a, cells) {
  return h('tr', { 'data-alarm-id': a.id, 'data-raised': a.raisedMillis, 'data-acknowledged': String(!!a.acknowledgedMillis) },
    cells);
}

function show(alarms) {
  setText('alarms-active-count', alarms.active.length);
  fill(byId('alarms-active'), alarms.active.length === 0
    ? h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No active alarm.'))
    : alarms.active.map((a) => row(a, [severity(a), h('td', {}, a.id), h('td', {}, a.source), h('td', {}, a.message),
      h('td', {}, when(a.raisedMillis)), h('td', {}, acknowledgement(a)), ackButton(a)])));
  fill(byId('alarms-history'), alarms.history.map((a) => row(a, [severity(a), h('td', {}, a.id), h('td', {}, a.message),
    h('td', {}, when(a.raisedMillis)), h('td', {}, a.clearedMillis ? when(a.clearedMillis) : 'active'),
    h('td', {}, acknowledgement(a)), ackButton(a, true)])));
}

async function refresh() {
  try {
    show(await getJson('/api/v1/control/alarms'));
  } catch (e) {
    showMessage(byId('alarms-message'), 'Alarms not available: ' + e.message, 'error');
  }
}

async function acknowledge(id) {
  try {
    await postJson('/api/v1/control/alarms/ack?id=' + encodeURIComponent(id));
    showMessage(byId('alarms-message'), 'Acknowledged ' + id + '.', 'ok');
  } catch (e) {
    showMessage(byId('alarms-message'), 'Not acknowledged: ' + e.message, 'error');
  }
  refresh();
}

async function reset() {
  try {
    const answer = await postJson('/api/v1/control/reset');
    showMessage(byId('alarms-message'), 'Reset requested: ' + (answer.note || 'taken at the next cycle'), 'info');
  } catch (e) {
    showMessage(byId('alarms-message'), 'Reset refused: ' + e.message, 'error');
  }
  setTimeout(refresh, 1000);
}

const user = await startPage('alarms');
canAct = mayAct(user, 'technician');
byId('alarms-reset-panel').hidden = !canAct;
byId('alarms-reset').addEventListener('click', reset);
every(REFRESH_MILLIS, refresh);
