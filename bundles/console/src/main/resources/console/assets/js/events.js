// Events page: the grid services (/api/v1/grid), refreshed every 5 s: what binds the container, the under-frequency
// guard and the peak alert, and the demand-response events (active, upcoming, past with their performance and a CSV
// of their seconds). A technician schedules (POST /api/v1/events) and cancels (DELETE /api/v1/events/{id}) events and
// switches the peak alert (POST /api/v1/grid/peak-alert); the server checks the role and the event again.
//
// Element ids (for the browser tests): #events-message, #events-viewer-note, #events-content, #events-binding,
// #events-frequency (data-state), #events-frequency-hz, #events-frequency-limits, #events-frequency-reason,
// #events-peak-alert (data-alert), #events-peak-detail, #events-updated, #events-active, #events-upcoming,
// #events-past (tbody; rows tr[data-event][data-state], CSV links a[data-testid="event-csv"], cancel buttons
// button[data-testid="event-cancel"]), #events-schedule-form (#event-id, #event-name, #event-start, #event-ramp,
// #event-duration, #event-kind, #event-kw, #event-schedule), #events-peak-form (#peak-minutes, #peak-on, #peak-off).

import { startPage, mayAct } from './session.js';
import { getJson, postJson, deleteJson } from './api.js';
import { h, byId, fill, setText, showMessage, num, when, every } from './dom.js';

const REFRESH_MILLIS = 5000;
const TARGETS = {
  IMPORT_LIMIT_KW: (v) => 'import ≤ ' + num(v, 0, 'kW'),
  REDUCTION_KW: (v) => num(v, 0, 'kW') + ' below baseline',
  EXPORT_LIMIT_KW: (v) => 'export ≤ ' + num(v, 0, 'kW'),
  LEVEL: (v) => 'level ' + v,
  PRICE_USD_PER_MWH: (v) => num(v, 0, 'USD/MWh'),
};
let canAct = false;

function target(e) {
  const first = e.intervals[0];
  const more = e.intervals.length > 1 ? ' (+' + (e.intervals.length - 1) + ' intervals)' : '';
  return (TARGETS[first.kind] || ((v) => first.kind + ' ' + v))(first.value) + more;
}

/** The share of the event's seconds at or below its target; a second without a good reading counts against it. */
function compliant(p) {
  const counted = p ? p.measuredSeconds + p.unmeasuredSeconds : 0;
  return counted > 0 ? num(100 * p.compliantSeconds / counted, 1, '%') : '—';
}

function perf(e, field, decimals, unit) {
  return h('td', { class: 'num' }, e.performance ? num(e.performance[field], decimals, unit) : '—');
}

function optOut(e) {
  return h('td', { class: e.optOut ? 'sev-warning' : null }, e.optOut || '');
}

function cancelCell(e) {
  return h('td', {}, canAct ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'event-cancel',
    onclick: () => cancel(e.id) }, 'Cancel') : null);
}

function name(e) {
  return h('td', { title: e.id }, e.name);
}

function activeRow(e) {
  return h('tr', { 'data-event': e.id, 'data-state': e.state },
    name(e), h('td', {}, target(e)), h('td', { class: 'num' }, num(e.targetKw, 0, 'kW')),
    h('td', {}, when(e.startMillis)), h('td', {}, when(e.endMillis)), perf(e, 'baselineKw', 0, 'kW'),
    perf(e, 'shortfallKwS', 0, 'kW·s'), h('td', { class: 'num' }, compliant(e.performance)), optOut(e),
    cancelCell(e));
}

function upcomingRow(e) {
  return h('tr', { 'data-event': e.id, 'data-state': e.state },
    name(e), h('td', {}, target(e)), h('td', {}, when(e.startMillis)), h('td', {}, when(e.endMillis)),
    h('td', {}, num(e.rampSeconds / 60, 0, 'min')), h('td', {}, e.source), optOut(e), cancelCell(e));
}

function pastRow(e) {
  return h('tr', { 'data-event': e.id, 'data-state': e.state },
    name(e), h('td', {}, e.state.toLowerCase()), h('td', {}, target(e)), h('td', {}, when(e.startMillis)),
    perf(e, 'baselineKw', 0, 'kW'), perf(e, 'achievedReductionKw', 0, 'kW'), perf(e, 'shortfallKwS', 0, 'kW·s'),
    h('td', { class: 'num' }, compliant(e.performance)), optOut(e),
    h('td', {}, h('a', { href: e.csv, download: '', 'data-testid': 'event-csv' }, 'CSV')));
}

function rows(tbody, events, row, empty) {
  fill(byId(tbody), events.length === 0 ? h('tr', {}, h('td', { colspan: 10, class: 'muted' }, empty))
    : events.map(row));
}

function showFrequency(f) {
  const state = byId('events-frequency');
  state.textContent = f ? f.state : 'no guard in this site';
  state.dataset.state = f ? f.state : '';
  state.className = f && f.state !== 'NORMAL' ? 'sev-critical' : '';
  setText('events-frequency-hz', f ? num(f.hz, 3, 'Hz') : '');
  setText('events-frequency-limits', f ? 'shed below ' + num(f.thresholdHz, 2, 'Hz') + ', restore above '
    + num(f.restoreHz, 2, 'Hz') + ' · ' + f.sheds + ' shed(s) since start' : '—');
  setText('events-frequency-reason', f ? f.reason : '');
}

function showPeaks(p) {
  const alert = byId('events-peak-alert');
  alert.textContent = !p ? 'no peak windows in this site' : p.alert ? 'on until ' + when(p.alertUntilMillis) : 'off';
  alert.dataset.alert = String(Boolean(p && p.alert));
  setText('events-peak-detail', !p ? '—' : (p.inWindow ? 'in a window now' : 'next window '
    + when(p.nextWindowStartMillis)) + ' · cap ' + num(p.capKw, 0, 'kW') + (p.binding ? ' · binding now' : '')
    + (p.source ? ' · set by ' + p.source : ''));
}

function show(grid) {
  byId('events-content').hidden = false;
  setText('events-binding', grid.binding || 'nothing: no event or peak window holds the container');
  showFrequency(grid.frequency);
  showPeaks(grid.peaks);
  setText('events-updated', when(grid.timestampMillis));
  const by = (...states) => grid.events.filter((e) => states.includes(e.state));
  rows('events-active', by('ACTIVE'), activeRow, 'No event is active.');
  rows('events-upcoming', by('UPCOMING'), upcomingRow, 'No event is scheduled.');
  rows('events-past', by('COMPLETED', 'CANCELLED').reverse(), pastRow, 'No event in the past 30 days.');
}

async function refresh() {
  try {
    show(await getJson('/api/v1/grid'));
  } catch (e) {
    showMessage(byId('events-message'), 'Grid services not available: ' + e.message, 'error');
  }
}

/** Runs a change, says what it did or why it was refused, and refreshes. */
async function act(send, done) {
  try {
    showMessage(byId('events-message'), done(await send()), 'ok');
  } catch (e) {
    showMessage(byId('events-message'), 'Refused: ' + e.message, 'error');
  }
  refresh();
}

function cancel(id) {
  act(() => deleteJson('/api/v1/events/' + encodeURIComponent(id)),
    (a) => a.cancelled ? 'Event ' + id + ' cancelled.' : 'Event ' + id + ' was neither upcoming nor active.');
}

function schedule() {
  const kind = byId('event-kind').value;
  const body = {
    id: byId('event-id').value.trim(),
    name: byId('event-name').value.trim() || undefined,
    start: new Date(byId('event-start').value).getTime(),
    rampMinutes: Number(byId('event-ramp').value),
    durationMinutes: Number(byId('event-duration').value),
    target: { [kind]: Number(byId('event-kw').value) },
  };
  act(() => postJson('/api/v1/events', body), (e) => 'Event ' + e.id + ' scheduled from ' + when(e.startMillis)
    + (e.optOut ? '; the container cannot meet it: ' + e.optOut : '.'));
}

function peakAlert(on) {
  const body = on ? { on, minutes: Number(byId('peak-minutes').value) } : { on };
  act(() => postJson('/api/v1/grid/peak-alert', body),
    (a) => a.alert ? 'Peak alert on until ' + when(a.untilMillis) + '.' : 'Peak alert off.');
}

/** The datetime-local value of ten minutes from now, in the browser's time zone. */
function soon() {
  const d = new Date(Date.now() + 600_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

const user = await startPage('events');
canAct = mayAct(user, 'technician');
byId('events-viewer-note').hidden = canAct;
for (const id of ['events-schedule-form', 'events-peak-form']) {
  byId(id).hidden = !canAct;
}
byId('event-start').value = soon();
byId('event-schedule').addEventListener('click', schedule);
byId('peak-on').addEventListener('click', () => peakAlert(true));
byId('peak-off').addEventListener('click', () => peakAlert(false));
every(REFRESH_MILLIS, refresh);
