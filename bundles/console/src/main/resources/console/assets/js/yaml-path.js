// Finds the line of a YAML document that a validation error's path points at ($.limits.coolantSupplyTripC,
// $.devices[3].unitId, $['key']), so the error can be shown next to it. Best effort for the block and
// flow styles the site files use: when a step is not found it answers the closest line found on the
// way (e.g. the device's line), and null when not even the first step is found.

/** ['limits', 'coolantSupplyTripC'] or ['devices', 3, 'unitId'] from a JSON path. */
export function pathSteps(path) {
  const steps = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g;
  let m;
  while ((m = re.exec(path)) !== null) {
    steps.push(m[2] !== undefined ? Number(m[2]) : m[1] ?? m[3]);
  }
  return steps;
}

const ITEM = /^\s*-(\s|$)/;

function rawIndent(line) {
  return /^\s*/.exec(line)[0].length;
}

/** Where a line's content starts, after its indent and a list dash. */
function column(line) {
  return /^\s*(-\s+)?/.exec(line)[0].length;
}

function meaningful(line) {
  return line.trim() !== '' && !line.trim().startsWith('#');
}

/**
 * The end of the block opened at line `from` whose content sits at column `col`: lines indented
 * deeper, and for a key also list items at its own indent (YAML allows "key:\n- item").
 */
function blockEnd(lines, from, col, isKey) {
  let k = from + 1;
  while (k < lines.length && (!meaningful(lines[k]) || rawIndent(lines[k]) > col
      || (isKey && rawIndent(lines[k]) === col && ITEM.test(lines[k])))) {
    k++;
  }
  return k;
}

function findItem(lines, start, end, index) {
  let itemIndent = -1;
  let seen = -1;
  for (let k = start; k < end; k++) {
    if (!ITEM.test(lines[k]) || (itemIndent >= 0 && rawIndent(lines[k]) !== itemIndent)) {
      continue;
    }
    itemIndent = rawIndent(lines[k]);
    if (++seen === index) {
      return k;
    }
  }
  return -1;
}

function findKey(lines, start, end, col, sameLine, key) {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp('(^\\s*(-\\s+)?|[{,]\\s*)["\']?' + escaped + '["\']?\\s*:');
  for (let k = start; k < end; k++) {
    if (re.test(lines[k]) && (k === sameLine || column(lines[k]) > col)) {
      return k;
    }
  }
  return -1;
}

/** 1-based line number, or null. */
export function lineOfPath(text, path) {
  const lines = text.split('\n');
  let start = 0;
  let end = lines.length;
  let col = -1;
  let found = -1;
  for (const step of pathSteps(path)) {
    const isKey = typeof step !== 'number';
    const hit = isKey ? findKey(lines, start, end, col, found, step) : findItem(lines, start + (found >= 0 ? 1 : 0), end, step);
    if (hit < 0) {
      break;
    }
    found = hit;
    col = isKey ? column(lines[hit]) : rawIndent(lines[hit]);
    start = hit;
    end = blockEnd(lines, hit, isKey ? rawIndent(lines[hit]) : col, isKey);
  }
  return found < 0 ? null : found + 1;
}
