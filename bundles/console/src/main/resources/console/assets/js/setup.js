// First-time setup page (public): POST /console/api/auth/setup {token, name, password} creates the
// first administrator with the one-time token from the gateway's log, and logs them in.
//
// Element ids (for the browser tests): #setup-form, #setup-token, #setup-name, #setup-password,
// #setup-password-again, #setup-submit, #setup-error.

import { getJson, postJson } from './api.js';
import { byId, showMessage } from './dom.js';

async function submit(e) {
  e.preventDefault();
  const password = byId('setup-password').value;
  if (password !== byId('setup-password-again').value) {
    showMessage(byId('setup-error'), 'The two passwords differ.', 'error');
    return;
  }
  const button = byId('setup-submit');
  button.disabled = true;
  try {
    await postJson('/console/api/auth/setup', {
      token: byId('setup-token').value.trim(), name: byId('setup-name').value, password,
    }, { stayOn401: true });
    location.assign('/console/index.html');
  } catch (err) {
    showMessage(byId('setup-error'), err.message, 'error');
  } finally {
    button.disabled = false;
  }
}

byId('setup-form').addEventListener('submit', submit);
// already logged in: nothing to set up here
getJson('/console/api/auth/me', { stayOn401: true }).then(() => location.assign('/console/index.html'), () => {});
