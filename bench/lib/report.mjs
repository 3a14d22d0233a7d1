// docs/benchmarks.md from bench/results.json: the machine and the run, the chart, a summary of the targets,
// then a table per figure (value, peers, floor, ratio, target, met or missed) with how it was measured. Rows
// of a baseline build (`--baseline`) sit in the tables, with the current build ÷ the baseline, and the
// commit they were; no target reads them.
import { BASELINE_ROLE } from './baseline.mjs';
import { evaluate, subjectOf } from './targets.mjs';

const EXTRA = {
  serverLoad: { label: 'server CPU', format: (value) => `${Math.round(value * 100)}%` },
  unforcedPeak: { label: 'unforced peak', format: (value) => `${value.toFixed(1)} MB` },
  bytes: { label: 'minified', format: (value) => `${value.toLocaleString('en')} B` },
  gzip: { label: 'gzipped', format: (value) => `${value.toLocaleString('en')} B` },
  total: { label: 'total, with Node start', format: (value) => `${value.toFixed(0)} ms` },
};

/** A value in a figure's unit, as the tables print it. */
export function formatValue(value, unit) {
  if (unit === 'req/s' || unit === 'ops/s' || unit === 'µs')
    return `${Math.round(value).toLocaleString('en')} ${unit}`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  if (unit === 'MB') return `${value.toFixed(2)} MB`;
  return `${value.toFixed(1)} ${unit}`;
}

const range = (row, unit) =>
  row.min === row.max ? '' : `${formatValue(row.min, unit)} to ${formatValue(row.max, unit)}`;
const verdict = (target) => (target.met ? 'met' : '**missed**');

function figureTable(figure, targets) {
  const extras = Object.keys(EXTRA).filter((key) => figure.rows.some((row) => row[key] !== undefined));
  const hasRange = figure.rows.some((row) => row.min !== row.max);
  const head = [
    '',
    'role',
    'median',
    ...(hasRange ? ['range'] : []),
    ...extras.map((key) => EXTRA[key].label),
  ];
  const lines = [
    `| ${[...head, 'aulm ÷ this', 'target', ''].join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|---|---|---|`,
  ];
  for (const row of figure.rows) {
    const target =
      targets.find((each) => each.against === row.name) ??
      targets.find((each) => each.limit !== undefined && each.subject === row.name);
    const compared = ['peer', 'floor', BASELINE_ROLE].includes(row.role) ? subjectOf(figure, row) : null;
    const cells = [
      row.name,
      row.role,
      formatValue(row.value, figure.unit),
      ...(hasRange ? [range(row, figure.unit)] : []),
      ...extras.map((key) => (row[key] === undefined ? '' : EXTRA[key].format(row[key]))),
      compared ? `${(compared.value / row.value).toFixed(2)} ×` : '',
      target ? target.text : '',
      target ? verdict(target) : '',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function figureSection(figure) {
  const targets = evaluate(figure);
  const parts = [
    `## ${figure.title}`,
    figure.how,
    `*${figure.rounds}; measured ${figure.date}.*`,
    figureTable(figure, targets),
  ];
  const notes = [...(figure.notes ?? [])];
  if (figure.baseline) {
    notes.unshift(
      `Rows of role \`${BASELINE_ROLE}\` ("(baseline)") are aulm as built at commit ${figure.baseline.commit} ` +
        `(\`${figure.baseline.dir}\`), measured in the same rounds as the rows of the current build ` +
        `(commit ${figure.commit}); "aulm ÷ this" on them is the current build ÷ that one. No target reads them.`,
    );
  }
  if (figure.programs) {
    parts.push(
      Object.entries(figure.programs)
        .map(
          ([name, source]) =>
            `<details><summary>${name}</summary>\n\n\`\`\`js\n${source}\n\`\`\`\n</details>`,
        )
        .join('\n'),
    );
  }
  for (const row of figure.rows.filter((each) => each.parts)) {
    const parts = Object.entries(row.parts)
      .sort(([, a], [, b]) => b - a)
      .map(([name, bytes]) => `${name} ${bytes.toLocaleString('en')} B`)
      .join(', ');
    notes.push(`Minified bytes by origin, ${row.name}: ${parts}.`);
  }
  if (notes.length > 0) parts.push(notes.map((note) => `- ${note}`).join('\n'));
  return parts.join('\n\n');
}

/** The whole of docs/benchmarks.md. */
export function renderReport(results) {
  const { machine: host } = results;
  const targets = results.figures.flatMap((figure) => evaluate(figure).map((target) => ({ figure, target })));
  const summary = [
    '| figure | criterion | measured | target | |',
    '|---|---|---|---|---|',
    ...targets.map(({ figure, target }) => {
      const among =
        target.among?.length > 1 ? `the smallest of ${target.among.length} peers` : 'the one peer listed';
      const against = target.among ? `${target.against} (${among})` : target.against;
      const criterion = target.limit === undefined ? `${target.subject} ÷ ${against}` : target.subject;
      const measured =
        target.limit === undefined
          ? `${target.measured.toFixed(2)} ×`
          : formatValue(target.measured, figure.unit);
      return `| ${figure.title} | ${criterion} | ${measured} | ${target.text} | ${verdict(target)} |`;
    }),
  ].join('\n');
  const met = targets.filter(({ target }) => target.met).length;
  // The commits measured: the current build's, and any baseline's (a partial run keeps older figures).
  const commits = [...new Set(results.figures.map((figure) => figure.commit).filter(Boolean))];
  const baselines = [
    ...new Set(
      results.figures
        .filter((figure) => figure.baseline)
        .map(({ baseline }) => `commit ${baseline.commit} (\`${baseline.dir}\`)`),
    ),
  ];
  const buildRows = [
    // The checkout's HEAD: its dist/ is measured as it was last built.
    ...(commits.length > 0 ? [`| checkout measured | commit ${commits.join(', ')} |`] : []),
    ...(baselines.length > 0 ? [`| baseline checkout | ${baselines.join(', ')} |`] : []),
  ];
  const baselineText =
    baselines.length > 0
      ? `\nRows named "(baseline)" (role \`${BASELINE_ROLE}\`) measure another build of aulm, ${baselines.join(', ')}, ` +
        'in the same rounds as the current one: the column "aulm ÷ this" on them reads the current build ÷ ' +
        'that one. Targets are read against the peers and floors only, never against those rows.\n'
      : '';
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/run.mjs\`) from \`bench/results.json\`: do not edit by hand. How to run it and
what each figure means: [bench/README.md](../bench/README.md).

Each figure measures aulm beside its peers (openai, stripe, resend, standardwebhooks) and a floor (raw
\`undici.request\`, raw \`node:crypto\`, a bare node:http server) in the same run, and reads the target as a ratio:
aulm's median divided by the other's median, in the figure's unit. Time-based figures take the median of
several rounds, contenders measured in turn within each round, after a warm-up round that is thrown away.
aulm is measured as built (\`dist/\`, through the package's own exports).
${baselineText}
**${met} of ${targets.length} targets met.**

![aulm's ratios against its targets](benchmarks.svg)

${summary}

## The run

| | |
|---|---|
| command | \`${results.command}\` |
${buildRows.map((line) => `${line}\n`).join('')}| date | ${results.date} |
| run time | ${Math.round(results.seconds)} s |
| Node | ${host.node} |
| CPU | ${host.cpu}, ${host.cores} cores |
| OS | ${host.os}, ${host.memoryGB} GB |
| load average (1, 5, 15 min) | ${host.loadAverage.start.join(', ')} at the start; ${host.loadAverage.end.join(', ')} at the end |

A load average above the number of cores means other work shared the machine during the run: the absolute
numbers then drop and spread; the ratios, taken between contenders measured in turn, hold up better.

${results.figures.map(figureSection).join('\n\n')}
`;
}
