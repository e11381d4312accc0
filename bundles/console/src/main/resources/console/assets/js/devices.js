// Devices page: per device comms diagnostics (/api/v1/devices), every point with value, unit,
// quality and timestamp (/api/v1/snapshot), and per miner the latest command and its outcome
// (/api/v1/miners); refreshed every 5 s, keeping open sections open.
//
// Element ids (for the browser tests): #devices-message, #devices-table (rows tr[data-device]),
// #devices-filter, #devices-points (details[data-device] with rows tr[data-point="device/name"],
// td.quality-<quality>), #devices-miners-summary, #devices-miners (rows tr[data-miner]).

import { startPage } from './session.js';
import { getJson } from './api.js';
import { h, byId, fill, setText, showMessage, num, when, ago, every } from './dom.js';

const REFRESH_MILLIS = 5000;

function count(map, key) {
  return map && map[key] ? map[key] : 0;
}

function deviceRow(d, maintenance) {
  const window = maintenance.find((w) => w.device === d.device);
  const latency = [d.responseMs.p50, d.responseMs.p95, d.responseMs.p99].map((v) => num(v, 1)).join(' / ');
  return h('tr', { 'data-device': d.device },
    h('td', {}, d.device, window ? h('div', { class: 'muted' }, 'maintenance until ' + when(window.untilMillis)) : null),
    h('td', { class: d.online ? 'yes' : 'no' }, d.online ? 'online' : 'offline'),
    h('td', { title: d.lastGoodRead || '' }, d.lastGoodRead ? ago(Date.parse(d.lastGoodRead)) : 'never'),
    h('td', { class: 'num' }, num(d.requests)),
    ['timeout', 'exception', 'malformed', 'io'].map((k) => h('td', { class: 'num' }, num(count(d.errors, k)))),
    h('td', { class: 'num' }, d.consecutiveFailures + (d.backoffMs ? ' (retry in ' + Math.round(d.backoffMs / 1000) + ' s)' : '')),
    h('td', { class: 'num' }, latency),
    h('td', {}, d.lastError || ''));
}

function value(p) {
  if (p.value === null || p.value === undefined) {
    return '—';
  }
  return typeof p.value === 'number' ? num(p.value, Number.isInteger(p.value) ? 0 : 3) : String(p.value);
}

function pointRow(p) {
  return h('tr', { 'data-point': p.device + '/' + p.name },
    h('td', {}, p.name),
    h('td', { class: 'num' }, value(p)),
    h('td', {}, p.unit || ''),
    h('td', { class: 'quality-' + p.quality }, p.quality),
    h('td', {}, p.timestamp ? when(Date.parse(p.timestamp)) : 'never read'),
    h('td', { class: 'muted' }, p.reason || ''));
}

function showPoints(points, filter) {
  const container = byId('devices-points');
  const open = new Set([...container.querySelectorAll('details[open]')].map((d) => d.dataset.device));
  const byDevice = new Map();
  for (const p of points) {
    if (!filter || (p.device + '/' + p.name).toLowerCase().includes(filter)) {
      byDevice.set(p.device, [...(byDevice.get(p.device) || []), p]);
    }
  }
  fill(container, [...byDevice.entries()].map(([device, list]) => {
    const bad = list.filter((p) => p.quality !== 'good').length;
    return h('details', { 'data-device': device, open: open.has(device) || !!filter },
      h('summary', {}, device + ' — ' + list.length + ' points' + (bad ? ', ' + bad + ' not good' : '')),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['Point', 'Value', 'Unit', 'Quality', 'Read at', 'Why not good'].map((t) => h('th', {}, t)))),
        h('tbody', {}, list.map(pointRow)))));
  }));
}

function showMiners(m) {
  setText('devices-miners-summary', (m.awake ?? '—') + ' of ' + (m.total ?? '—') + ' miners awake; '
    + m.commanded + ' commanded recently, ' + m.lastCommandFailed + ' of them without a good answer to the latest.');
  fill(byId('devices-miners'), m.miners.map((x) => h('tr', { 'data-miner': x.index },
    h('td', { class: 'num' }, x.index),
    h('td', {}, x.command + (x.command === 'power-target' ? ' ' + num(x.targetW, 0, 'W') : '')),
    h('td', { class: x.ok ? 'yes' : 'no' }, x.ok ? 'yes' : 'no'),
    h('td', {}, x.message || ''),
    h('td', {}, when(x.atMillis)),
    h('td', { class: 'num' }, x.durationMillis))));
}

let lastPoints = [];

async function refresh() {
  try {
    const [devices, snapshot, miners, overrides] = await Promise.all([getJson('/api/v1/devices'),
      getJson('/api/v1/snapshot'), getJson('/api/v1/miners'), getJson('/api/v1/overrides')]);
    fill(byId('devices-table'), devices.devices.map((d) => deviceRow(d, overrides.maintenance)));
    lastPoints = snapshot.points;
    showPoints(lastPoints, byId('devices-filter').value.trim().toLowerCase());
    showMiners(miners);
    showMessage(byId('devices-message'), '');
  } catch (e) {
    showMessage(byId('devices-message'), 'Not available: ' + e.message, 'error');
  }
}

await startPage('devices');
byId('devices-filter').addEventListener('input', (e) => showPoints(lastPoints, e.target.value.trim().toLowerCase()));
every(REFRESH_MILLIS, refresh);
