// `instanceof` that holds across copies of a class: `aulm` and `aulm/webhooks` are separate bundles, each in
// ESM and CommonJS, so a value may come from another copy than the class it is checked against. Each class
// names itself once, in its static `brand`; an instance carries one global symbol per class of its chain.

/** A class that names itself in its static `brand`. */
export type BrandedClass = abstract new (...args: never[]) => object;

function symbolOf(brand: string): symbol {
  return Symbol.for(`aulm.${brand}`);
}

// A class's own brand only: a subclass that declares none must not pass for its parent in another copy.
function ownBrand(Class: unknown): string | undefined {
  return Object.hasOwn(Class as object, 'brand') ? (Class as { brand: string }).brand : undefined;
}

/** Returns whether `value` is an instance of `Class` made by this copy of it or by any other. */
export function isBranded(Class: BrandedClass, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(Class, value)) return true;
  const brand = ownBrand(Class);
  if (brand === undefined || typeof value !== 'object' || value === null) return false;
  return (value as Record<symbol, unknown>)[symbolOf(brand)] === true;
}

/** Marks `instance` with the brand of each class from `Class` up to `Root`; returns `Class`'s brand. */
export function markBrands(instance: object, Class: unknown, Root: unknown): string | undefined {
  for (let each = Class; typeof each === 'function' && each !== Root; each = Object.getPrototypeOf(each)) {
    const brand = ownBrand(each);
    if (brand !== undefined) Object.defineProperty(instance, symbolOf(brand), { value: true });
  }
  return ownBrand(Class);
}
