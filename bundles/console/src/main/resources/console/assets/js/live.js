// Follows the gateway's live stream (/api/v1/stream, server-sent events): one 'overview' event a
// second. The browser reconnects a dropped stream by itself; a stream the server refused (session
// ended, too many consoles) is closed, so we check the session (a 401 goes to the login page) and
// open a new one after a pause.

import { getJson } from './api.js';

const RETRY_MILLIS = 5000;

/**
 * onOverview(overview) for every event; onStatus('live' | 'reconnecting') when the link changes.
 */
export function followOverview(onOverview, onStatus) {
  let source = null;
  const open = () => {
    source = new EventSource('/api/v1/stream');
    source.addEventListener('overview', (e) => onOverview(JSON.parse(e.data)));
    source.addEventListener('open', () => onStatus('live'));
    source.addEventListener('error', () => {
      onStatus('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        getJson('/console/api/auth/me').catch(() => {});
        setTimeout(open, RETRY_MILLIS);
      }
    });
  };
  open();
}
