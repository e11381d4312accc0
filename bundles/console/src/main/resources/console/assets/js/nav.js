// The one navigation bar of the console, drawn into <header id="nav"> by every page. One entry per area: a
// page reached from another (efficiency.html from Economics) marks its area's entry as current.

import { h, fill } from './dom.js';

const PAGES = [
  { id: 'overview', href: 'index.html', label: 'Overview' },
  { id: 'charts', href: 'charts.html', label: 'Charts' },
  { id: 'economics', href: 'economics.html', label: 'Economics' },
  { id: 'plan', href: 'plan.html', label: 'Plan' },
  { id: 'ai', href: 'ai.html', label: 'AI' },
  { id: 'events', href: 'events.html', label: 'Events' },
  { id: 'alarms', href: 'alarms.html', label: 'Alarms' },
  { id: 'devices', href: 'devices.html', label: 'Devices' },
  { id: 'overrides', href: 'overrides.html', label: 'Overrides' },
  { id: 'config', href: 'config.html', label: 'Configuration' },
  { id: 'audit', href: 'audit.html', label: 'Audit' },
  { id: 'system', href: 'system.html', label: 'System' },
];

export function renderNav(header, currentId, user, onLogout) {
  const links = PAGES.map((p) => h('li', {},
    h('a', { href: p.href, id: 'nav-' + p.id, 'aria-current': p.id === currentId ? 'page' : null }, p.label)));
  fill(header, h('nav', { class: 'nav', 'aria-label': 'console pages' },
    h('a', { class: 'brand', href: 'index.html' }, 'ContainerEdge'),
    h('ul', {}, links),
    h('span', { class: 'user', id: 'nav-user' }, user.name + ' (' + user.role + ')'),
    h('button', { type: 'button', id: 'nav-logout', onclick: onLogout }, 'Log out')));
}
