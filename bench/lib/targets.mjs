// A figure's targets read against its rows: each target is a ratio of aulm to a peer or floor
// (`{ subject, against, op, ratio }`) or a limit on aulm's own value (`{ subject, op, limit }`).
// Ratios are ratios of medians: aulm's median divided by the other's median, in the figure's unit.

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

/** The subject a row is compared with: its `vs`, else the figure's first subject. */
export function subjectOf(figure, row) {
  return rowNamed(figure, row.vs ?? figure.rows.find((each) => each.role === 'subject').name);
}

/**
 * Every target of a figure, measured: `measured` (a ratio, or the value for a limit), whether it is
 * `met`, its `text` (`≥ 0.85 ×`, `≤ 12 KB`), and for the chart a `ratio` and a `goal` on one scale
 * (a limit becomes value ÷ limit against 1).
 */
export function evaluate(figure) {
  return figure.targets.map((target) => {
    const subject = rowNamed(figure, target.subject);
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
    const measured = subject.value / rowNamed(figure, target.against).value;
    return {
      ...target,
      unit: figure.unit,
      measured,
      met: COMPARE[target.op](measured, target.ratio),
      text: `${SYMBOL[target.op]} ${target.ratio} ×`,
      label: target.short ?? `${figure.title}: ${target.subject} ÷ ${target.against}`,
      ratio: measured,
      goal: target.ratio,
    };
  });
}
