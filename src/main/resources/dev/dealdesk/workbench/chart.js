// The what-if chart: for each segment, a matrix of outcome transitions (from the logged outcome, in
// rows, to the draft's, in columns), each cell a square whose area is the ACV it holds. Every cell says
// its count and ACV in words; a changed outcome is drawn solid, an unchanged one dashed and grey.
'use strict';

WB.chart = function (whatIf) {
  const NS = 'http://www.w3.org/2000/svg';
  const outcomes = ['APPROVE', 'FLAG', 'REJECT'];
  const order = ['SMB', 'MID_MARKET', 'ENTERPRISE'];
  const segments = Object.keys(whatIf.bySegment).sort((a, b) => {
    const i = order.indexOf(a); const j = order.indexOf(b);
    return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || a.localeCompare(b);
  });
  const svg = (tag, attrs, ...children) => {
    const node = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const child of children.flat(Infinity)) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  };
  const cells = {};
  let largest = 0;
  for (const segment of segments) {
    for (const cell of whatIf.bySegment[segment]) {
      cells[segment + ' ' + cell.from + ' ' + cell.to] = cell;
      largest = Math.max(largest, Number(cell.acv));
    }
  }
  const size = 96; const left = 92; const top = 64; const gap = 40;
  const width = left + outcomes.length * size;
  const total = segments.length * width + (segments.length - 1) * gap + 16;
  const height = top + outcomes.length * size + 24;
  const root = svg('svg', { viewBox: '0 0 ' + total + ' ' + height, width: total, height, role: 'img',
    'aria-labelledby': 'chart-title chart-desc', id: 'what-if-chart' },
  svg('title', { id: 'chart-title' }, 'Outcome transitions by segment, sized by ACV'),
  svg('desc', { id: 'chart-desc' }, 'For each segment, rows are the logged outcome and columns the outcome under the draft;'
    + ' each square\'s area is the ACV of its decisions. The table after the chart lists the same cells.'));
  segments.forEach((segment, s) => {
    const x0 = s * (width + gap) + 8;
    const group = svg('g', { 'data-segment': segment });
    group.append(svg('text', { x: x0 + left, y: 16, class: 'axis' }, segment));
    group.append(svg('text', { x: x0 + left, y: 34 }, 'to (draft) →'));
    group.append(svg('text', { x: x0, y: top - 8 }, 'logged ↓'));
    outcomes.forEach((to, c) => group.append(svg('text', { x: x0 + left + c * size + 4, y: top - 8, class: 'axis' }, to)));
    outcomes.forEach((from, r) => {
      group.append(svg('text', { x: x0, y: top + r * size + size / 2, class: 'axis' }, from));
      outcomes.forEach((to, c) => {
        const cell = cells[segment + ' ' + from + ' ' + to];
        const x = x0 + left + c * size; const y = top + r * size;
        const frame = svg('rect', { x, y, width: size - 4, height: size - 4, fill: 'none', stroke: '#d1d5db' });
        group.append(frame);
        if (!cell || Number(cell.count) === 0) return;
        const changed = from !== to;
        const side = Math.max(6, Math.sqrt(Number(cell.acv) / (largest || 1)) * (size - 8));
        const words = segment + ': ' + from + ' → ' + to + (changed ? '' : ' (unchanged)') + ', '
          + WB.plural(cell.count, 'decision') + ', ' + WB.usd(cell.acv) + ' ACV';
        group.append(svg('g', { class: (changed ? 'changed to-' + to : 'same') + ' cell', 'data-from': from, 'data-to': to,
          'data-count': cell.count, 'data-acv': cell.acv },
        svg('title', {}, words),
        svg('rect', { x: x + (size - 4 - side) / 2, y: y + (size - 4 - side) / 2, width: side, height: side }),
        svg('text', { x: x + 4, y: y + 14 }, WB.number(cell.count) + (changed ? ' changed' : '')),
        svg('text', { x: x + 4, y: y + size - 10 }, WB.usd(cell.acv))));
      });
    });
    root.append(group);
  });
  const rows = [];
  for (const segment of segments) {
    for (const cell of whatIf.bySegment[segment]) {
      rows.push([segment, WB.outcome(cell.from), WB.outcome(cell.to), cell.from === cell.to ? 'unchanged' : 'changed',
        WB.number(cell.count), WB.usd(cell.acv)]);
    }
  }
  return WB.el('div', { class: 'chart' }, root,
    WB.table('The chart as a table: outcome transitions by segment', ['Segment', 'Logged', 'Under the draft', 'Outcome', 'Decisions', 'ACV'],
      rows, [4, 5]));
};
