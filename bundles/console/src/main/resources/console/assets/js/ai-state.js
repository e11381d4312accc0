// The state of an AI/HPC tenant as the overview and the AI page show it: in breach of its firm floor (a hard limit
// holds it under it), its band capped, or granted what it asks for.

import { h } from './dom.js';

/** 'breach', 'capped' or 'granted'. */
export function aiState(tenant) {
  return tenant.breach ? 'breach' : tenant.capped ? 'capped' : 'granted';
}

/** A table cell naming the state, coloured like the alarms' severities. */
export function aiStateCell(tenant) {
  const state = aiState(tenant);
  const cls = { breach: 'sev-critical', capped: 'sev-warning', granted: 'sev-info' }[state];
  return h('td', { class: cls }, state);
}
