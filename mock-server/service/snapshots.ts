// Models the service promises never to change: made once per state of a record (a changed record gets a
// new one), frozen, and holding nothing shared with the record. The handlers may keep what they make of
// such a model (its wire JSON) for as long as the model lives, which the service decides.
const snapshots = new WeakSet<object>();

/** Freezes `model` and marks it as a snapshot. */
export function snapshot<T extends object>(model: T): Readonly<T> {
  snapshots.add(Object.freeze(model));
  return model;
}

/** Whether `value` is a model the service made with `snapshot`. */
export function isSnapshot(value: unknown): boolean {
  return typeof value === 'object' && value !== null && snapshots.has(value);
}
