// The gateway's JSON API as the pages use it. Every change (POST, DELETE) carries the session's CSRF token in
// X-CSRF-Token; an answer that is not 2xx becomes an ApiError with the server's own message, so pages
// can show exactly why something was refused. A 401 means the session ended: off to the login page.

let csrfToken = null;

/** Remembers the session's CSRF token (from /console/api/auth/me or the login answer). */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Sends the browser to the login page, back here afterwards. */
export function toLogin() {
  const here = location.pathname + location.search;
  location.assign('/console/login.html?next=' + encodeURIComponent(here));
}

async function readBody(resp) {
  const text = await resp.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return { error: text.slice(0, 200) };
  }
}

async function request(method, url, body, options) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const resp = await fetch(url, init);
  const data = await readBody(resp);
  if (resp.status === 401 && !options.stayOn401) {
    toLogin();
  }
  if (!resp.ok) {
    const message = data && data.error ? data.error : resp.status + ' ' + resp.statusText;
    throw new ApiError(resp.status, message, data);
  }
  return data;
}

/** GET a JSON resource. options.stayOn401: let the caller handle "not logged in". */
export function getJson(url, options = {}) {
  return request('GET', url, undefined, options);
}

/** POST a JSON body (an empty object when none is given). */
export function postJson(url, body = {}, options = {}) {
  return request('POST', url, body, options);
}

/** DELETE a resource, e.g. lift an override; no body. */
export function deleteJson(url, options = {}) {
  return request('DELETE', url, undefined, options);
}
