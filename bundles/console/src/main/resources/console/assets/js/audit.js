// Audit page: the newest records of the audit trail (/api/v1/audit?max=N), newest first.
//
// Element ids (for the browser tests): #audit-max, #audit-refresh, #audit-message, #audit-table
// (rows tr[data-sequence][data-action]).

import { startPage } from './session.js';
import { getJson } from './api.js';
import { h, byId, fill, showMessage, when } from './dom.js';

async function refresh() {
  try {
    const { records } = await getJson('/api/v1/audit?max=' + byId('audit-max').value);
    fill(byId('audit-table'), records.map((r) => h('tr', { 'data-sequence': r.sequence, 'data-action': r.action },
      h('td', { class: 'num' }, r.sequence), h('td', {}, when(r.timestampMillis)), h('td', {}, r.actor),
      h('td', {}, r.origin), h('td', {}, r.action), h('td', {}, r.target), h('td', {}, r.outcome),
      h('td', {}, r.detail))));
    showMessage(byId('audit-message'), records.length ? '' : 'No record yet.', 'info');
  } catch (e) {
    showMessage(byId('audit-message'), 'Audit trail not available: ' + e.message, 'error');
  }
}

await startPage('audit');
byId('audit-refresh').addEventListener('click', refresh);
byId('audit-max').addEventListener('change', refresh);
refresh();
