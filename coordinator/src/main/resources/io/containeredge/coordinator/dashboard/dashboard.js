'use strict';
// Polls the coordinator's view every 2 s; text only goes in through textContent, so no report can inject markup.
(function () {
  const $ = (id) => document.getElementById(id);
  const kw = (v) => (v === null || v === undefined ? '–' : v.toFixed(1));
  const seconds = (ms) => (ms === null || ms < 0 ? '–' : (ms / 1000).toFixed(1) + ' s');

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function show(site) {
    $('site').textContent = site.site;
    $('import').textContent = kw(site.importKw);
    $('cap').textContent = kw(site.availableKw);
    $('poiCap').textContent = kw(site.poiCapKw);
    $('aux').textContent = kw(site.auxiliariesKw);
    $('limit').textContent = site.limitReason;
    const share = site.importKw === null ? 0 : site.importKw / site.availableKw;
    $('importBar').style.width = Math.min(100, share * 100) + '%';
    $('importBar').className = share > 1 ? 'over' : '';
    $('leader').textContent = site.leaderId || 'none';
    $('epoch').textContent = site.epoch;
    $('standbys').textContent = site.participants.filter((p) => p !== site.leaderId).join(', ') || 'none';
    $('instance').textContent = site.instanceId;
    const states = {};
    site.containers.forEach((c) => { states[c.state] = (states[c.state] || 0) + 1; });
    $('counts').textContent = Object.keys(states).map((s) => states[s] + ' ' + s).join(', ') || 'none configured';
    $('updated').textContent = 'as of ' + new Date(site.timestampMillis).toLocaleTimeString();
    const rows = $('rows');
    rows.replaceChildren();
    site.containers.forEach((c) => {
      const tr = document.createElement('tr');
      tr.className = c.state;
      [c.id, c.state, kw(c.budgetKw), seconds(c.leaseRemainingMillis), kw(c.importKw), kw(c.committedKw),
        kw(c.hardImportKw),
        kw(c.firmKw), kw(c.flexibleKw), c.topValuePerKw === null ? '–' : c.topValuePerKw.toFixed(3),
        kw(c.fallbackKw), seconds(c.reportAgeMillis), c.reason || ''].forEach((t) => cell(tr, t));
      rows.appendChild(tr);
    });
    const limits = $('limits');
    limits.replaceChildren();
    site.siteLimits.forEach((l) => {
      const tr = document.createElement('tr');
      [l.id, kw(l.kw), new Date(l.fromMillis).toLocaleString(), new Date(l.untilMillis).toLocaleString(),
        l.inForce ? 'in force' : 'to come', l.reason, l.by].forEach((t) => cell(tr, t));
      limits.appendChild(tr);
    });
  }

  async function poll() {
    try {
      const answer = await fetch('/api/site', { cache: 'no-store' });
      if (answer.status === 401) {
        window.location = '/login';
        return;
      }
      if (answer.ok) {
        show(await answer.json());
      } else {
        $('updated').textContent = 'the coordinator answered ' + answer.status + ': ' + (await answer.text());
      }
    } catch (e) {
      $('updated').textContent = 'no answer from the coordinator (' + e.message + ')';
    }
  }

  poll();
  setInterval(poll, 2000);
}());
