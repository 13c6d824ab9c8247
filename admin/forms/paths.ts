/** Values a path stops at: nothing inside them is a field of its own. */
type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date;

/** One less level of nesting (paths stop at six, so recursive shapes like conditions stay finite). */
type Less = [never, 0, 1, 2, 3, 4, 5];

/**
 * Every dotted key path into a draft, as the server names fields in `error.fields`: object keys, array
 * positions as numbers, record keys as any string. A path the draft does not have is a type error.
 *
 * @example const p: Path<{ goal: { event: string } }> = 'goal.event'; // 'goal.evnt' does not compile
 */
export type Path<T, Depth extends number = 6> = [Depth] extends [never]
  ? never
  : T extends Leaf
    ? never
    : T extends readonly (infer E)[]
      ? `${number}` | `${number}.${Path<E, Less[Depth]>}`
      : T extends object
        ? { [K in keyof T & string]-?: K | `${K}.${Path<NonNullable<T[K]>, Less[Depth]>}` }[keyof T & string]
        : never;

/**
 * The value under key `K` of `T`. In a union, the shapes without `K` add nothing: a field of one shape
 * (a tooltip's anchor) is drawn only while the draft has that shape.
 */
type Step<T, K extends string> = T extends readonly (infer E)[]
  ? E
  : T extends object
    ? K extends keyof T
      ? T[K]
      : string extends keyof T
        ? T[string & keyof T]
        : never
    : never;

/**
 * The type of the value at a path into `T`.
 *
 * @example type E = ValueAt<{ goal: { event: string } }, 'goal.event'>; // string
 */
export type ValueAt<T, P extends string> = T extends null | undefined
  ? ValueAt<NonNullable<T>, P>
  : P extends `${infer K}.${infer Rest}`
    ? ValueAt<Step<T, K>, Rest>
    : Step<T, P>;

/** The value at a dotted path; `undefined` where a step is missing. */
export function getAt(value: unknown, path: string): unknown {
  let at = value;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * A copy of `value` with `next` at a dotted path; only the objects on the path are copied, so signals
 * see a new draft and untouched parts stay the same objects.
 *
 * @example setAt({ goal: { event: 'a' }, name: 'n' }, 'goal.event', 'b') // { goal: { event: 'b' }, name: 'n' }
 */
export function setAt<T>(value: T, path: string, next: unknown): T {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const here = (value ?? {}) as Record<string, unknown>;
  const inner = rest.length === 0 ? next : setAt(here[key], rest.join('.'), next);
  if (Array.isArray(here)) return here.map((v, i) => (String(i) === key ? inner : v)) as T;
  return { ...here, [key]: inner } as T;
}
