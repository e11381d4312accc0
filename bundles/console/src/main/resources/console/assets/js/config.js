// Configuration page: the running site document (and its profiles) in an editor; Validate shows every
// error with its document, path and line under the editor; a line diff against the running version;
// Apply (admin) after a confirmation; the version history with rollback.
//
// Element ids (for the browser tests): #config-version (e.g. "v3"), #config-version-detail,
// #config-readonly-note, #config-document (select: site.yaml, profiles/<id>.yaml), #config-editor
// (textarea), #config-actions, #config-validate, #config-apply (shows #config-confirm), #config-revert,
// #config-status (message; class ok|error|info), #config-errors (li[data-file][data-path], li.textContent
// holds the path and reason), #config-confirm, #config-apply-confirm, #config-apply-cancel, #config-diff
// (lines span.add|del|same|gap), #config-history (tr[data-version], rollback buttons
// button[data-testid="config-rollback"], which need a second click to confirm).

import { startPage, mayAct } from './session.js';
import { getJson, postJson, ApiError } from './api.js';
import { h, byId, fill, setText, showMessage, when } from './dom.js';
import { diffLines, visibleLines, changes } from './line-diff.js';
import { lineOfPath } from './yaml-path.js';
import { showHistory } from './config-history.js';

const SITE = 'site.yaml';
const DIFF_DELAY_MILLIS = 300;
const editor = byId('config-editor');
let running = null;
let edited = new Map();
let shown = SITE;
let isAdmin = false;
let diffTimer = null;

function documentsOf(docs) {
  const m = new Map([[SITE, docs.site]]);
  for (const [id, text] of Object.entries(docs.profiles || {})) {
    m.set('profiles/' + id + '.yaml', text);
  }
  return m;
}

function candidate() {
  const profiles = {};
  for (const [name, text] of edited) {
    if (name !== SITE) {
      profiles[name.slice('profiles/'.length, -'.yaml'.length)] = text;
    }
  }
  return { site: edited.get(SITE), profiles };
}

/** Puts a document in the editor (what the editor held must be saved first, see switchTo). */
function display(name) {
  shown = name;
  byId('config-document').value = name;
  editor.value = edited.get(name);
}

/** Keeps the edits of the document in the editor and shows another one. */
function switchTo(name) {
  edited.set(shown, editor.value);
  display(name);
}

function renderDiff() {
  edited.set(shown, editor.value);
  const original = documentsOf(running.documents);
  const parts = [];
  for (const [name, text] of edited) {
    const ops = diffLines(original.get(name), text);
    if (ops === null) {
      parts.push(h('span', { class: 'gap' }, name + ': too large to compare line by line; it was changed.'));
    } else if (changes(ops)) {
      parts.push(h('span', { class: 'gap' }, '— ' + name));
      parts.push(...visibleLines(ops).map((l) => h('span', { class: l.kind }, l.text)));
    }
  }
  fill(byId('config-diff'), parts.length ? parts : h('span', { class: 'same' }, 'No changes.'));
  return parts.length > 0;
}

function selectLine(name, line) {
  switchTo(name);
  const lines = editor.value.split('\n');
  const from = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  editor.focus();
  editor.setSelectionRange(from, from + (lines[line - 1] || '').length);
  editor.scrollTop = Math.max(0, (line - 3) * (editor.scrollHeight / Math.max(1, lines.length)));
}

function showErrors(errors) {
  fill(byId('config-errors'), errors.map((e) => {
    const text = edited.has(e.file) ? edited.get(e.file) : null;
    const line = text === null ? null : lineOfPath(text, e.path);
    const item = h('li', { 'data-file': e.file, 'data-path': e.path },
      e.file + ' ', h('span', { class: 'path' }, e.path), line ? ' (line ' + line + ')' : '', ': ' + e.reason);
    if (line) {
      item.addEventListener('click', () => selectLine(e.file, line));
    }
    return item;
  }));
}

async function validate() {
  edited.set(shown, editor.value);
  try {
    const answer = await postJson('/api/v1/config/validate', candidate());
    showErrors(answer.errors);
    showMessage(byId('config-status'), answer.valid ? 'Valid: it can be applied.'
      : answer.errors.length + ' error(s): fix them before applying.', answer.valid ? 'ok' : 'error');
  } catch (e) {
    showMessage(byId('config-status'), 'Not validated: ' + e.message, 'error');
  }
}

function askToApply() {
  if (!renderDiff()) {
    showMessage(byId('config-status'), 'Nothing was changed: there is nothing to apply.', 'info');
    return;
  }
  byId('config-confirm').hidden = false;
  // the diff is right above the confirmation: both in view
  byId('config-confirm').scrollIntoView({ block: 'end' });
  byId('config-apply-confirm').focus();
}

async function apply() {
  byId('config-confirm').hidden = true;
  edited.set(shown, editor.value);
  try {
    const answer = await postJson('/api/v1/config/apply', candidate());
    showErrors([]);
    await load();
    showMessage(byId('config-status'), 'Applied as version ' + answer.version.version + ' (' + answer.version.state
      .toLowerCase().replace('_', ' ') + ').', 'ok');
  } catch (e) {
    const errors = e instanceof ApiError && e.body && e.body.errors ? e.body.errors : [];
    showErrors(errors);
    showMessage(byId('config-status'), 'Not applied: ' + e.message, 'error');
  }
}

function afterRollback(error, version) {
  if (error) {
    showMessage(byId('config-status'), 'Rollback refused: ' + error.message, 'error');
    showErrors(error.body && error.body.errors ? error.body.errors : []);
    return;
  }
  load().then(() => showMessage(byId('config-status'), 'Rolled back: now version ' + version.version + '.', 'ok'));
}

async function load() {
  running = await getJson('/api/v1/config');
  if (!running.current) {
    setText('config-version', 'none');
    setText('config-version-detail', running.note);
    running.documents = { site: '', profiles: {} };
  } else {
    const c = running.current;
    setText('config-version', 'v' + c.version);
    setText('config-version-detail', c.state.toLowerCase().replace('_', ' ') + ', applied ' + when(c.appliedMillis)
      + ' by ' + c.source);
  }
  edited = documentsOf(running.documents);
  fill(byId('config-document'), [...edited.keys()].map((name) => h('option', { value: name }, name)));
  display(SITE);
  renderDiff();
  showHistory(running.history, running.current ? running.current.version : null, isAdmin, afterRollback);
}

const user = await startPage('config');
isAdmin = mayAct(user, 'admin');
editor.readOnly = !isAdmin;
byId('config-readonly-note').hidden = isAdmin;
byId('config-actions').hidden = !isAdmin;
byId('config-document').addEventListener('change', (e) => switchTo(e.target.value));
editor.addEventListener('input', () => {
  clearTimeout(diffTimer);
  diffTimer = setTimeout(renderDiff, DIFF_DELAY_MILLIS);
});
byId('config-validate').addEventListener('click', validate);
byId('config-apply').addEventListener('click', askToApply);
byId('config-apply-confirm').addEventListener('click', apply);
byId('config-apply-cancel').addEventListener('click', () => { byId('config-confirm').hidden = true; });
byId('config-revert').addEventListener('click', () => {
  edited = documentsOf(running.documents);
  display(shown);
  renderDiff();
  showErrors([]);
  showMessage(byId('config-status'), '');
});
load().catch((e) => showMessage(byId('config-status'), 'Configuration not available: ' + e.message, 'error'));
