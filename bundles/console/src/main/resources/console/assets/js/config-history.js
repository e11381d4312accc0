// The configuration's version history with rollback (admin). A rollback applies an earlier version
// again as a new version; the button asks for a second click so a slip of the finger changes nothing.

import { postJson } from './api.js';
import { h, byId, fill, when } from './dom.js';

const CONFIRM_MILLIS = 5000;

function rollbackButton(version, onDone) {
  let armed = false;
  const button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'config-rollback' }, 'Roll back to v' + version);
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = 'Confirm rollback to v' + version;
      button.className = 'danger';
      setTimeout(() => {
        armed = false;
        button.textContent = 'Roll back to v' + version;
        button.className = 'secondary';
      }, CONFIRM_MILLIS);
      return;
    }
    button.disabled = true;
    try {
      const answer = await postJson('/api/v1/config/rollback', { version });
      onDone(null, answer.version);
    } catch (e) {
      onDone(e, null);
    }
  });
  return button;
}

/**
 * Fills #config-history (rows tr[data-version]); onDone(error, newVersion) after a rollback.
 */
export function showHistory(history, currentVersion, canRollBack, onDone) {
  fill(byId('config-history'), history.map((v) => h('tr', { 'data-version': v.version },
    h('td', { class: 'num' }, v.version),
    h('td', {}, when(v.appliedMillis)),
    h('td', {}, v.source),
    h('td', {}, v.state.toLowerCase().replace('_', ' ')),
    h('td', {}, v.detail || ''),
    h('td', { title: v.sha256 }, v.sha256.slice(0, 12)),
    h('td', {}, canRollBack && v.version !== currentVersion ? rollbackButton(v.version, onDone) : null))));
}
