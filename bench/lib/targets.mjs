// A figure's targets read against its rows: each target is a ratio of aulm to a peer or floor
// (`{ subject, against, op, ratio }`) or a limit on aulm's own value (`{ subject, op, limit }`). `against`
// may list several rows (`against: ['openai …', 'stripe …']`): the ratio is then taken against the
// smallest of them as measured in that run, and the label names it. Ratios are ratios of medians: aulm's
// median divided by the other's median, in the figure's unit. A target never reads a row of another build
// (`--baseline`, role `baseline-build`), neither as its subject nor against it.
import { BASELINE_ROLE } from './baseline.mjs';

const COMPARE = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
};
const SYMBOL = { '>=': '≥', '<=': '≤', '<': '<', '>': '>' };

function rowNamed(figure, name) {
  const row = figure.rows.find((each) => each.name === name);
  if (!row) throw new Error(`${figure.id}: no row named ${name}`);
  return row;
}

// A row a target reads: never one of the baseline build.
function targetRow(figure, name) {
  const row = rowNamed(figure, name);
  if (row.role === BASELINE_ROLE) throw new Error(`${figure.id}: a target reads the baseline row ${name}`);
  return row;
}

/** The subject a row is compared with: its `vs`, else the figure's first subject. */
export function subjectOf(figure, row) {
  return rowNamed(figure, row.vs ?? figure.rows.find((each) => each.role === 'subject').name);
}

/** A library's name as a label says it: the row name's first word (`stripe client: …` is stripe). */
const shortName = (name) => name.split(/[\s:]/)[0];

/**
 * Every target of a figure, measured: `measured` (a ratio, or the value for a limit), whether it is
 * `met`, its `text` (`≥ 0.85 ×`, `≤ 16 MB`), and for the chart a `ratio` and a `goal` on one scale
 * (a limit becomes value ÷ limit against 1). A target against several rows comes back with `against` the
 * smallest of them, and `among` the list.
 */
export function evaluate(figure) {
  return figure.targets.map((target) => {
    const subject = targetRow(figure, target.subject);
    if (target.limit !== undefined) {
      const met = COMPARE[target.op](subject.value, target.limit);
      return {
        ...target,
        unit: figure.unit,
        measured: subject.value,
        met,
        text: `${SYMBOL[target.op]} ${target.limit} ${figure.unit}`,
        label: target.short ?? `${figure.title}: ${target.subject} ÷ ${target.limit} ${figure.unit}`,
        ratio: subject.value / target.limit,
        goal: 1,
      };
    }
    const among = Array.isArray(target.against) ? target.against : undefined;
    const other = among
      ? among
          .map((name) => targetRow(figure, name))
          .reduce((least, row) => (row.value < least.value ? row : least))
      : targetRow(figure, target.against);
    const measured = subject.value / other.value;
    const label = target.short ?? `${figure.title}: ${target.subject} ÷ ${among ? 'smallest' : other.name}`;
    return {
      ...target,
      ...(among ? { among, against: other.name } : {}),
      unit: figure.unit,
      measured,
      met: COMPARE[target.op](measured, target.ratio),
      text: `${SYMBOL[target.op]} ${target.ratio} ×`,
      label: among ? `${label} (${shortName(other.name)})` : label,
      ratio: measured,
      goal: target.ratio,
    };
  });
}
