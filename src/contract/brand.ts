// `instanceof` that holds across copies of a class: `aulm` and `aulm/webhooks` are separate bundles, each in
// ESM and CommonJS, so a value may come from another copy than the class it is checked against. Each class
// names itself once, in its static `brand`; the prototype of each class carries one global symbol per
// brand of its chain, marked the first time the class makes an instance (nothing per instance).

/** A class that names itself in its static `brand`. */
export type BrandedClass = abstract new (...args: never[]) => object;

const MARKED = Symbol.for('aulm.brands');

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

/**
 * Marks the prototype of `Class` and of each parent up to `Root` with their brands, once per class, so
 * that its instances carry them; returns `Class`'s own brand.
 */
export function markBrands(Class: unknown, Root: unknown): string | undefined {
  const prototype = (Class as { prototype: object }).prototype;
  if (!Object.hasOwn(prototype, MARKED)) {
    for (let each = Class; typeof each === 'function' && each !== Root; each = Object.getPrototypeOf(each)) {
      const brand = ownBrand(each);
      if (brand !== undefined) Object.defineProperty(each.prototype, symbolOf(brand), { value: true });
    }
    Object.defineProperty(prototype, MARKED, { value: true });
  }
  return ownBrand(Class);
}
