// Overview page: the container at a glance, live from /api/v1/stream (one 'overview' event a second).
//
// Element ids (for the browser tests): #overview-state (data-state and textContent = normal|warning|
// tripped|safe|maintenance|unknown, shown upper-case by CSS; class state-<state>), #overview-state-reason,
// #overview-binding, #overview-updated, #overview-stream-status (live|reconnecting|connecting),
// #overview-import-kw, #overview-site-limit-kw, #overview-import-meter, #overview-import-cap-kw,
// #overview-allowed-import-kw, #overview-rating-kw, #overview-miner-kw, #overview-max-miner-kw, #overview-committed-kw, #overview-supply-temp, #overview-return-temp,
// #overview-delta-t, #overview-cooling-limits, #overview-cooling-why, #overview-battery-soc,
// #overview-battery-kw, #overview-battery-setpoint, #overview-battery-commanded, #overview-miners-awake, #overview-miners-total,
// #overview-miners-asleep, #overview-miners-unreachable, #overview-miners-failed, #overview-miners-commanded, #overview-alarms,
// #overview-alarms-critical, #overview-alarms-unacked, #overview-maintenance (li[data-device]),
// #overview-cloud, #overview-cloud-server, #overview-cloud-backlog, #overview-cloud-thinned,
// #overview-ai (hidden unless the site has an ai section), #overview-ai-kw, #overview-mining-kw, #overview-ai-tenants
// (tr[data-tenant][data-state=granted|capped|breach]), #overview-guards (tr[data-guard]), #overview-grid (hidden
// before the controller's first cycle), #overview-grid-binding (the event or peak window that binds, or the active
// events), #overview-frequency (data-state), #overview-peak-alert, #overview-site-lease (shown while the site lease
// binds; data-state LEASED|SETTLING|FALLBACK|NONE), #overview-site-lease-state, #overview-site-lease-kw (the budget
// or the fallback share), #overview-site-lease-until.

import { startPage } from './session.js';
import { followOverview } from './live.js';
import { aiState, aiStateCell } from './ai-state.js';
import { h, byId, setText, fill, num, when, ago } from './dom.js';

/** After this long without an event the page says its figures are old. */
const STALE_MILLIS = 5000;
let lastEventMillis = 0;

function showState(o) {
  const badge = byId('overview-state');
  badge.textContent = o.state;
  badge.className = 'state state-' + o.state;
  badge.dataset.state = o.state;
  setText('overview-state-reason', o.stateReason);
  setText('overview-binding', o.binding);
}

function showPower(p) {
  setText('overview-import-kw', num(p.importKw, 0, 'kW'));
  if (p.importWhy) {
    byId('overview-import-kw').title = p.importWhy;
  }
  setText('overview-site-limit-kw', num(p.siteLimitKw, 0, 'kW'));
  setText('overview-import-cap-kw', num(p.importCapKw, 0, 'kW'));
  setText('overview-allowed-import-kw', num(p.allowedImportKw, 0, 'kW'));
  setText('overview-rating-kw', num(p.ratingKw, 0, 'kW'));
  setText('overview-miner-kw', num(p.minerKw, 0, 'kW'));
  setText('overview-max-miner-kw', p.maxMinerKw === null && p.minerKw !== null ? 'no limit' : num(p.maxMinerKw, 0, 'kW'));
  setText('overview-committed-kw', num(p.committedKw, 0, 'kW'));
  const meter = byId('overview-import-meter');
  const share = p.importKw !== null && p.siteLimitKw ? p.importKw / p.siteLimitKw : 0;
  meter.firstElementChild.style.width = Math.max(0, Math.min(1, share)) * 100 + '%';
  meter.classList.toggle('over', share > 1);
}

function showCooling(c) {
  setText('overview-supply-temp', num(c.supplyC, 1, '°C'));
  setText('overview-return-temp', num(c.returnC, 1, '°C'));
  setText('overview-delta-t', c.supplyC !== null && c.returnC !== null ? num(c.returnC - c.supplyC, 1, 'K') : '—');
  setText('overview-cooling-limits', num(c.warningC, 0) + ' / ' + num(c.tripC, 0, '°C'));
  setText('overview-cooling-why', [c.supplyWhy, c.returnWhy].filter(Boolean).join('; '));
}

function showBattery(b) {
  setText('overview-battery-soc', b.present ? num(b.socPct, 0, '%') : 'none in this site');
  setText('overview-battery-kw', num(b.powerKw, 0, 'kW'));
  setText('overview-battery-setpoint', num(b.setpointKw, 0, 'kW'));
  // null: the controller commands nothing (battery in maintenance, no setpoint model readable, controller stopped)
  setText('overview-battery-commanded', b.present && b.commandedKw === null ? 'none' : num(b.commandedKw, 0, 'kW'));
}

function showMiners(m) {
  setText('overview-miners-awake', m.awake);
  setText('overview-miners-total', m.total);
  setText('overview-miners-asleep', m.asleep);
  setText('overview-miners-unreachable', m.unreachable);
  setText('overview-miners-failed', m.lastCommandFailed);
  setText('overview-miners-commanded', m.commanded);
}

function showAlarmsAndMaintenance(o) {
  setText('overview-alarms', o.alarms.active + ' active');
  setText('overview-alarms-critical', o.alarms.critical);
  setText('overview-alarms-unacked', o.alarms.unacknowledged);
  fill(byId('overview-maintenance'), o.maintenance.length === 0 ? h('li', { class: 'muted' }, 'no device')
    : o.maintenance.map((w) => h('li', { 'data-device': w.device }, w.device + ' until ' + when(w.untilMillis)
      + ' (' + w.source + ')')));
}

function showCloud(c) {
  setText('overview-cloud', !c.configured ? 'not configured' : c.connected ? 'connected' : 'disconnected');
  setText('overview-cloud-server', c.server);
  setText('overview-cloud-backlog', c.configured ? num(c.backlog, 0, 'messages') : '—');
  setText('overview-cloud-thinned', c.configured ? num(c.thinned, 0) : '—');
}

function showAi(ai) {
  byId('overview-ai').hidden = !ai;
  if (!ai) {
    return;
  }
  setText('overview-ai-kw', num(ai.aiKw, 0, 'kW'));
  setText('overview-mining-kw', num(ai.miningKw, 0, 'kW'));
  fill(byId('overview-ai-tenants'), ai.tenants.map((t) => h('tr', { 'data-tenant': t.name, 'data-state': aiState(t) },
    h('td', {}, t.name),
    h('td', { class: 'num' }, num(t.floorKw, 0, 'kW')),
    h('td', { class: 'num' }, num(t.flexKw, 0, 'kW')),
    h('td', { class: 'num' }, num(t.grantKw, 0, 'kW')),
    h('td', { class: 'num' }, t.capKw === null ? 'none' : num(t.capKw, 0, 'kW')),
    h('td', { class: 'num' }, num(t.drawKw, 0, 'kW')),
    aiStateCell(t),
    h('td', {}, t.reason))));
}

function showGrid(g) {
  byId('overview-grid').hidden = !g;
  if (!g) {
    return;
  }
  const active = g.activeEvents.length > 0 ? 'events active: ' + g.activeEvents.join(', ') : 'no event active';
  setText('overview-grid-binding', g.binding || active);
  const frequency = byId('overview-frequency');
  frequency.textContent = g.frequencyState ? g.frequencyState + ' ' + num(g.frequencyHz, 3, 'Hz') : 'none';
  frequency.dataset.state = g.frequencyState || '';
  setText('overview-peak-alert', g.peakAlert ? 'on' : 'off');
}

/** The site lease's states in words. */
const LEASE_STATES = {
  LEASED: 'budget',
  SETTLING: 'lease expired, budget held while the others shed',
  FALLBACK: 'lease expired, fallback share',
  NONE: 'no lease yet, fallback share',
};

function showSiteLease(l) {
  const line = byId('overview-site-lease');
  line.hidden = !l || !l.binding;
  if (line.hidden) {
    return;
  }
  line.dataset.state = l.state;
  line.title = l.reason;
  setText('overview-site-lease-state', LEASE_STATES[l.state] || l.state);
  setText('overview-site-lease-kw', num(l.limitKw, 0, 'kW'));
  setText('overview-site-lease-until', l.state === 'LEASED' ? when(l.expiresAtMillis) : 'a new lease');
}

function showGuards(guards) {
  fill(byId('overview-guards'), guards.map((g) => h('tr', { 'data-guard': g.guard, class: g.limits ? 'limits' : null },
    h('td', {}, g.guard),
    h('td', { class: 'num' }, g.maxMinerKw === null ? 'no limit' : num(g.maxMinerKw, 0, 'kW')),
    h('td', {}, g.holdWake ? 'yes' : 'no'),
    h('td', {}, g.reason))));
}

function show(o) {
  lastEventMillis = Date.now();
  showState(o);
  showPower(o.power);
  showCooling(o.cooling);
  showBattery(o.battery);
  showMiners(o.miners);
  showAlarmsAndMaintenance(o);
  showCloud(o.cloud);
  showAi(o.ai);
  showGrid(o.grid);
  showSiteLease(o.siteLease);
  showGuards(o.guards);
  setText('overview-updated', when(o.timestampMillis));
}

function watchAge() {
  setInterval(() => {
    if (lastEventMillis && Date.now() - lastEventMillis > STALE_MILLIS) {
      setText('overview-updated', ago(lastEventMillis) + ' — these figures are old');
    }
  }, 1000);
}

await startPage('overview');
followOverview(show, (status) => setText('overview-stream-status', status));
watchAge();
