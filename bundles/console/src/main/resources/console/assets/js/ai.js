// AI page: the AI/HPC tenants beside the miners (/api/v1/ai), refreshed every 5 s: AI against mining power, each
// tenant under its contract (floor, band and its value, grant, cap, use, state and why, capped hours of the month's
// allowance, breaches) and its GPU servers as last read through their BMCs (reachable, draw, rating, cap, how they
// are capped, problem).
//
// Element ids (for the browser tests): #ai-message (no ai section, or not available), #ai-content, #ai-kw,
// #ai-mining-kw, #ai-updated, #ai-tenants (tbody; rows tr[data-tenant][data-state=granted|capped|breach]),
// #ai-servers (one section[data-tenant] per tenant; rows tr[data-server][data-reachable=true|false]).

import { startPage } from './session.js';
import { getJson } from './api.js';
import { aiState, aiStateCell } from './ai-state.js';
import { h, byId, fill, setText, showMessage, num, when, every } from './dom.js';

const REFRESH_MILLIS = 5000;

function kw(value) {
  return num(value, 1, 'kW');
}

function tenantRow(t) {
  return h('tr', { 'data-tenant': t.name, 'data-state': aiState(t) },
    h('td', {}, t.name),
    h('td', { class: 'num' }, kw(t.floorKw)),
    h('td', { class: 'num' }, kw(t.flexKw)),
    h('td', { class: 'num' }, num(t.flexUsdPerMwh, 0, 'USD/MWh')),
    h('td', { class: 'num' }, kw(t.grantKw)),
    h('td', { class: 'num' }, t.capKw === null ? 'none' : kw(t.capKw)),
    h('td', { class: 'num' }, kw(t.drawKw)),
    aiStateCell(t),
    h('td', { class: 'num' }, num(t.cappedHoursThisMonth, 1) + ' of ' + num(t.maxCappedHoursPerMonth, 0, 'h')),
    h('td', { class: 'num' }, num(t.breaches, 0)),
    h('td', {}, t.reason));
}

function serverRow(s) {
  return h('tr', { 'data-server': s.id, 'data-reachable': String(s.reachable) },
    h('td', {}, s.id),
    h('td', { class: s.reachable ? 'yes' : 'no' }, s.reachable ? 'yes' : 'no'),
    h('td', { class: 'num' }, num(s.drawW / 1000, 2, 'kW')),
    h('td', { class: 'num' }, num(s.ratedW / 1000, 2, 'kW')),
    h('td', { class: 'num' }, s.capW === null ? 'none' : num(s.capW / 1000, 2, 'kW')),
    h('td', {}, s.control || 'not discovered'),
    h('td', {}, s.problem || ''));
}

function serversOf(t) {
  return h('section', { class: 'panel', 'data-tenant': t.name },
    h('h2', {}, t.name + ': GPU servers'),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Server'), h('th', {}, 'Reachable'), h('th', { class: 'num' }, 'Draw'),
        h('th', { class: 'num' }, 'Rated'), h('th', { class: 'num' }, 'Cap'), h('th', {}, 'Capped through'),
        h('th', {}, 'Problem'))),
      h('tbody', {}, t.servers.map(serverRow)))),
    h('p', { class: 'note' }, 'An unreachable server counts at its rating. "Controls" caps through the Redfish'
      + ' Control resource (SetPoint), "PowerControl" through the older Power resource (PowerLimit).'));
}

function show(ai) {
  byId('ai-content').hidden = false;
  setText('ai-kw', num(ai.aiKw, 0, 'kW'));
  setText('ai-mining-kw', num(ai.miningKw, 0, 'kW'));
  setText('ai-updated', when(ai.timestampMillis));
  fill(byId('ai-tenants'), ai.tenants.map(tenantRow));
  fill(byId('ai-servers'), ai.tenants.map(serversOf));
}

async function refresh() {
  try {
    show(await getJson('/api/v1/ai'));
    showMessage(byId('ai-message'), '');
  } catch (e) {
    byId('ai-content').hidden = e.status === 404;
    showMessage(byId('ai-message'), (e.status === 404 ? '' : 'AI/HPC not available: ') + e.message,
      e.status === 404 ? 'info' : 'error');
  }
}

await startPage('ai');
every(REFRESH_MILLIS, refresh);
