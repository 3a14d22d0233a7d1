// Runs one figure in a process of its own (started by run.mjs with --expose-gc), so that what one figure
// loads or leaves on the heap never weighs on another, and sends its result back over IPC. Run directly
// (`node --expose-gc bench/lib/child.mjs verify`, with `--cpu-prof` to profile), it prints the result.
const [name] = process.argv.slice(2);
const figure = await import(`../${name}.mjs`);
const result = await figure.measure((line) => console.log(line));
if (process.send) process.send(result, () => process.exit(0));
else console.log(JSON.stringify(result, (key, value) => (key === 'values' ? undefined : value), 2));
