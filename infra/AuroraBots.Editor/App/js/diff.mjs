// Line diff (longest common subsequence) of a test's expected and actual bot messages, for the failure view.

/** @returns {{op: 'same'|'removed'|'added', text: string}[]} removed = expected only, added = actual only */
export function lineDiff(expected, actual) {
  const n = expected.length;
  const m = actual.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (expected[i] === actual[j]) { lines.push({ op: 'same', text: expected[i] }); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) lines.push({ op: 'removed', text: expected[i++] });
    else lines.push({ op: 'added', text: actual[j++] });
  }
  while (i < n) lines.push({ op: 'removed', text: expected[i++] });
  while (j < m) lines.push({ op: 'added', text: actual[j++] });
  return lines;
}
