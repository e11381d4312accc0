// Login page (public): POST /console/api/auth/login {name, password}; on success back to the page
// that sent us here (?next=, only a console page) or the overview. Already logged in: go on at once.
//
// Element ids (for the browser tests): #login-form, #login-name, #login-password, #login-submit,
// #login-error, #login-setup-link.

import { getJson, postJson } from './api.js';
import { byId, showMessage } from './dom.js';

/** Only a page of this console, never another site: ?next= must not be an open redirect. */
function safeNext(next) {
  return next && /^\/console\/[A-Za-z0-9._\-/]*(\?[^#]*)?$/.test(next) && !next.includes('//') && !next.includes('..')
    ? next : '/console/index.html';
}

const next = safeNext(new URLSearchParams(location.search).get('next'));

async function submit(e) {
  e.preventDefault();
  const button = byId('login-submit');
  button.disabled = true;
  try {
    await postJson('/console/api/auth/login', { name: byId('login-name').value, password: byId('login-password').value },
      { stayOn401: true });
    location.assign(next);
  } catch (err) {
    showMessage(byId('login-error'), err.message, 'error');
    byId('login-password').value = '';
    byId('login-password').focus();
  } finally {
    button.disabled = false;
  }
}

byId('login-form').addEventListener('submit', submit);
getJson('/console/api/auth/me', { stayOn401: true }).then(() => location.assign(next), () => byId('login-name').focus());
