// System page: version, uptime, memory, disk of the data directory, configuration version, cloud
// queue (/api/v1/system), refreshed every 10 s.
//
// Element ids (for the browser tests): #system-message, #system-version, #system-uptime, #system-started,
// #system-java, #system-load, #system-config-version, #system-stream-clients, #system-heap,
// #system-heap-max, #system-nonheap, #system-disk, #system-disk-total, #system-disk-path, #system-cloud,
// #system-cloud-backlog, #system-cloud-thinned, #system-cloud-published.

import { startPage } from './session.js';
import { getJson } from './api.js';
import { byId, setText, showMessage, num, when, duration, bytes, every } from './dom.js';

const REFRESH_MILLIS = 10000;

function show(s) {
  setText('system-version', s.version);
  setText('system-uptime', duration(s.uptimeSeconds));
  setText('system-started', when(s.startedMillis));
  setText('system-java', s.java);
  setText('system-load', s.processors + ' / ' + num(s.loadAverage, 2));
  setText('system-config-version', s.configVersion === null ? 'none running' : 'v' + s.configVersion);
  setText('system-stream-clients', s.streamClients);
  setText('system-heap', bytes(s.memory.heapUsedBytes) + ' of ' + bytes(s.memory.heapCommittedBytes) + ' committed');
  setText('system-heap-max', bytes(s.memory.heapMaxBytes));
  setText('system-nonheap', bytes(s.memory.nonHeapUsedBytes));
  setText('system-disk', s.disk.error || bytes(s.disk.usableBytes));
  setText('system-disk-total', bytes(s.disk.totalBytes));
  setText('system-disk-path', s.disk.path);
  const c = s.cloud;
  setText('system-cloud', !c.configured ? 'not configured' : c.connected ? 'connected to ' + c.server : 'disconnected');
  setText('system-cloud-backlog', c.configured ? num(c.backlog, 0, 'messages') : '—');
  setText('system-cloud-thinned', c.configured ? num(c.thinned) : '—');
  setText('system-cloud-published', c.configured ? num(c.published) : '—');
}

async function refresh() {
  try {
    show(await getJson('/api/v1/system'));
    showMessage(byId('system-message'), '');
  } catch (e) {
    showMessage(byId('system-message'), 'Not available: ' + e.message, 'error');
  }
}

await startPage('system');
every(REFRESH_MILLIS, refresh);
