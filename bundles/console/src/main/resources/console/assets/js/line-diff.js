// A line diff of two texts (longest common subsequence), shown before a configuration is applied.
// Texts of a few hundred lines take a few milliseconds; beyond MAX_CELLS it gives up and says so
// rather than freeze the page.

const MAX_CELLS = 4_000_000;
const CONTEXT = 2;

/** [{kind: 'same' | 'add' | 'del', text}] turning a into b, or null when the texts are too large. */
export function diffLines(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) {
    start++;
  }
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const n = endX - start;
  const m = endY - start;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    return null;
  }
  // lcs[i][j] = common lines of x[start+i..endX) and y[start+j..endY), one flat array
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = x[start + i] === y[start + j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const ops = x.slice(0, start).map((text) => ({ kind: 'same', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[start + i] === y[start + j]) {
      ops.push({ kind: 'same', text: x[start + i] });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
      ops.push({ kind: 'del', text: x[start + i] });
      i++;
    } else {
      ops.push({ kind: 'add', text: y[start + j] });
      j++;
    }
  }
  return ops.concat(x.slice(endX).map((text) => ({ kind: 'same', text })));
}

/** True when the diff changes anything. */
export function changes(ops) {
  return ops === null || ops.some((op) => op.kind !== 'same');
}

/**
 * The diff as lines to show: changed lines with CONTEXT unchanged lines around them, longer runs of
 * unchanged lines folded into one 'gap' line.
 */
export function visibleLines(ops) {
  const near = ops.map(() => false);
  ops.forEach((op, k) => {
    if (op.kind !== 'same') {
      for (let c = Math.max(0, k - CONTEXT); c <= Math.min(ops.length - 1, k + CONTEXT); c++) {
        near[c] = true;
      }
    }
  });
  const lines = [];
  let folded = 0;
  ops.forEach((op, k) => {
    if (near[k]) {
      if (folded > 0) {
        lines.push({ kind: 'gap', text: '… ' + folded + ' unchanged line(s)' });
        folded = 0;
      }
      lines.push({ kind: op.kind, text: (op.kind === 'add' ? '+ ' : op.kind === 'del' ? '- ' : '  ') + op.text });
    } else {
      folded++;
    }
  });
  if (folded > 0) {
    lines.push({ kind: 'gap', text: '… ' + folded + ' unchanged line(s)' });
  }
  return lines;
}
