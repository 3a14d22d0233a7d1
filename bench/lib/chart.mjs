// The chart of docs/benchmarks.md: one bar per target, aulm's measured ratio on a log scale from parity
// (1×), a black tick at the target, green where met and red where missed. Drawn by Vega (not Vega-Lite,
// which needs Node 22), rendered to SVG in Node with no canvas.
import * as vega from 'vega';
import { formatValue } from './report.mjs';

const ROW = 30;

function spec(rows) {
  const extremes = rows.flatMap((row) => [row.ratio, row.goal]).concat(1);
  // Below 0.01× a bar is only "far below": it is clipped at the left edge, its value printed beside it.
  const domain = [Math.max(0.01, Math.min(...extremes) / 1.6), Math.max(...extremes) * 1.6];
  const ticks = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50].filter(
    (tick) => tick >= domain[0] && tick <= domain[1],
  );
  const at = (field) => ({ scale: 'x', field });
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: 420,
    height: rows.length * ROW,
    padding: 8,
    background: 'white',
    title: {
      text: 'aulm against its targets',
      subtitle:
        'bar: aulm ÷ peer, floor or budget (log scale, from 1×) · black tick: target · green met, red missed',
      anchor: 'start',
    },
    data: [{ name: 'rows', values: rows }],
    scales: [
      { name: 'y', type: 'band', domain: { data: 'rows', field: 'label' }, range: 'height', padding: 0.3 },
      { name: 'x', type: 'log', domain, range: 'width', clamp: true },
      { name: 'color', type: 'ordinal', domain: ['met', 'missed'], range: ['#2a9d8f', '#d1495b'] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', grid: true, values: ticks, format: '~g', title: 'ratio (×)' },
      { orient: 'left', scale: 'y', labelLimit: 400, labelFontSize: 11, domain: false, ticks: false },
    ],
    legends: [{ fill: 'color', orient: 'bottom', direction: 'horizontal', title: null }],
    marks: [
      {
        type: 'rect',
        from: { data: 'rows' },
        encode: {
          enter: {
            y: { scale: 'y', field: 'label' },
            height: { scale: 'y', band: 1 },
            x: { scale: 'x', value: 1 },
            x2: at('ratio'),
            fill: { scale: 'color', field: 'status' },
          },
        },
      },
      {
        type: 'rect',
        from: { data: 'rows' },
        encode: {
          enter: {
            xc: at('goal'),
            width: { value: 3 },
            y: { scale: 'y', field: 'label', offset: -4 },
            height: { scale: 'y', band: 1, offset: 8 },
            fill: { value: 'black' },
          },
        },
      },
      {
        type: 'rule',
        encode: {
          enter: {
            x: { scale: 'x', value: 1 },
            y: { value: 0 },
            y2: { signal: 'height' },
            stroke: { value: '#555' },
            strokeDash: { value: [3, 3] },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'rows' },
        encode: {
          enter: {
            x: { signal: 'width', offset: 10 },
            align: { value: 'left' },
            y: { scale: 'y', field: 'label', band: 0.5 },
            baseline: { value: 'middle' },
            text: { field: 'text' },
            fontSize: { value: 10 },
          },
        },
      },
    ],
  };
}

const ratioText = (ratio) => `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;

/** Renders the chart of the evaluated targets (`{ label, ratio, goal, met, text }`) to an SVG string. */
export async function chartSVG(targets) {
  const rows = targets.map((target) => ({
    label: target.label,
    ratio: target.ratio,
    goal: target.goal,
    status: target.met ? 'met' : 'missed',
    text:
      target.limit === undefined
        ? `${ratioText(target.ratio)} (target ${target.text.replace(/ ×$/, '×')})`
        : `${ratioText(target.ratio)} (${formatValue(target.measured, target.unit)}, target ${target.text})`,
  }));
  const view = new vega.View(vega.parse(spec(rows)), { renderer: 'none' });
  return view.toSVG();
}
