// Starts every console page the same way: ask the gateway who we are (/console/api/auth/me; not
// logged in → login page), keep the CSRF token for changes, draw the shared navigation, then show
// the page. Pages decide which buttons to show with mayAct(user, role); the server checks again.

import { getJson, postJson, setCsrfToken, toLogin, ApiError } from './api.js';
import { renderNav } from './nav.js';
import { byId } from './dom.js';

const RANK = { viewer: 0, technician: 1, admin: 2 };

/** True when the user's role includes role ('viewer', 'technician', 'admin'). */
export function mayAct(user, role) {
  return (RANK[user.role] ?? -1) >= RANK[role];
}

async function logout() {
  try {
    await postJson('/console/api/auth/logout');
  } finally {
    location.assign('/console/login.html');
  }
}

/** Resolves to the user {name, role, csrfToken}; never resolves when the browser is sent to log in. */
export async function startPage(pageId) {
  let me;
  try {
    me = await getJson('/console/api/auth/me', { stayOn401: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      toLogin();
      return new Promise(() => {});
    }
    document.body.textContent = 'The console could not start: ' + e.message;
    throw e;
  }
  setCsrfToken(me.csrfToken);
  renderNav(byId('nav'), pageId, me, logout);
  byId('page').hidden = false;
  return me;
}
