// Runs one figure in a process of its own (started by run.mjs with --expose-gc), so that what one figure
// loads or leaves on the heap never weighs on another, and sends its result back over IPC. Run directly
// (`node --expose-gc bench/lib/child.mjs verify [--baseline <dir>]`, with `--cpu-prof` to profile), it
// prints the result.
import { openBaseline, splitBaseline } from './baseline.mjs';

// run.mjs has checked the baseline and said what there was to say when it passes it on.
const { dir, rest } = splitBaseline(process.argv.slice(2));
const [name] = rest;
const baseline = dir === undefined ? undefined : openBaseline(dir, { warn: !process.send });
const figure = await import(`../${name}.mjs`);
const result = await figure.measure((line) => console.log(line), { baseline });
if (process.send) process.send(result, () => process.exit(0));
else console.log(JSON.stringify(result, (key, value) => (key === 'values' ? undefined : value), 2));
