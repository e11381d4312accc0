// Small helpers to build and fill the pages. Text is always set as text, never as HTML, so a value
// from a device or a configuration document can never become markup or script.

/** Creates an element: h('td', {class: 'num', 'data-x': 1}, 'text', child, ...). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'onclick') {
      el.addEventListener('click', value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Sets an element's text by id ('—' for null). */
export function setText(id, value) {
  byId(id).textContent = value === null || value === undefined ? '—' : String(value);
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

/** Shows a message in a message element; kind is ok, error or info. Empty text hides it. */
export function showMessage(el, text, kind = 'info') {
  el.textContent = text || '';
  el.className = 'message ' + kind;
  el.hidden = !text;
}

/** A number with a fixed number of decimals and a unit, or '—' when not known. */
export function num(value, decimals = 0, unit = '') {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  const text = value.toLocaleString(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return unit ? text + ' ' + unit : text;
}

/** A time of day with date, in the browser's time zone; '—' for 0 or null. */
export function when(millis) {
  if (!millis) {
    return '—';
  }
  return new Date(millis).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/** How long ago, e.g. '12 s ago', '3 min ago'. */
export function ago(millis, now = Date.now()) {
  if (!millis) {
    return 'never';
  }
  const s = Math.max(0, Math.round((now - millis) / 1000));
  if (s < 120) {
    return s + ' s ago';
  }
  if (s < 7200) {
    return Math.round(s / 60) + ' min ago';
  }
  return Math.round(s / 3600) + ' h ago';
}

/** A duration in seconds as '2 d 3 h', '4 h 12 min', '5 min'. */
export function duration(seconds) {
  const d = Math.floor(seconds / 86400);
  const hrs = Math.floor((seconds % 86400) / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  if (d > 0) {
    return d + ' d ' + hrs + ' h';
  }
  return hrs > 0 ? hrs + ' h ' + min + ' min' : min + ' min';
}

/** Bytes as MiB or GiB. */
export function bytes(n) {
  if (n === null || n === undefined) {
    return '—';
  }
  return n >= 1 << 30 ? num(n / (1 << 30), 1, 'GiB') : num(n / (1 << 20), 1, 'MiB');
}

/** Calls fn now and every periodMillis, skipping a round while the previous one still runs. */
export function every(periodMillis, fn) {
  let running = false;
  const run = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      await fn();
    } finally {
      running = false;
    }
  };
  run();
  return setInterval(run, periodMillis);
}
