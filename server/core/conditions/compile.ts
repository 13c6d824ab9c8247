import type { Condition } from '../../schema/condition.ts';
import { compiledRegex } from './regex.ts';
import { isOperatorObject, isRecord, isScalar, traitType } from './values.ts';
import { isVersionOperator, paddedVersion, versionTest } from './versions.ts';

/** A compiled audience: whether one subject (the traits, or an array element under `$elemMatch`) matches. */
export type Matcher = (subject: unknown) => boolean;

/** A compiled test of one trait value against a literal or an object of operators. */
type ValueTest = (actual: unknown) => boolean;

const never = () => false;

/**
 * Compiles an audience condition once into a closure, so deciding for many users only runs it: trait paths
 * are split, versions padded, regexes built, `$in` lists turned into sets, and every branch chosen, when the
 * audience is saved rather than per user. The closure means exactly what `evalCondition` documents (the
 * case tables run through it) and never throws; anything malformed compiles to "no match".
 *
 * @example compileCondition({ plan: { $in: ['plus', 'pro'] } })({ plan: 'pro' }) // true
 */
export function compileCondition(condition: Condition): Matcher {
  const entries = Object.entries(condition).map(([key, value]) => compileEntry(key, value));
  if (entries.length === 0) return () => true;
  if (entries.length === 1) return entries[0] as Matcher;
  return (subject) => {
    for (const entry of entries) if (!entry(subject)) return false;
    return true;
  };
}

function compileEntry(key: string, value: unknown): Matcher {
  if (key === '$and' || key === '$or' || key === '$nor') return compileList(key, value);
  // A reference the site compiler did not resolve (its segment is gone, or a trait is named so) matches no one.
  if (key === '$segment') return never;
  if (key === '$not') {
    if (!isRecord(value)) return never;
    const inner = compileCondition(value);
    return (subject) => !inner(subject);
  }
  const read = compilePath(key);
  const test = compileValue(value);
  return (subject) => test(read(subject));
}

function compileList(key: '$and' | '$or' | '$nor', list: unknown): Matcher {
  if (!Array.isArray(list) || !list.every(isRecord)) return never;
  const parts = list.map(compileCondition);
  if (key === '$and') return (subject) => parts.every((part) => part(subject));
  if (key === '$or')
    return parts.length === 0 ? () => true : (subject) => parts.some((part) => part(subject));
  // As in GrowthBook an empty $nor matches no one; the validator rejects it on save.
  return parts.length === 0 ? never : (subject) => !parts.some((part) => part(subject));
}

/**
 * Reads a trait by dotted path (`address.city`, `tags.0`). A missing step gives `null`, as in GrowthBook, so a
 * missing trait behaves exactly like a `null` one. Only own properties are followed, so a path can never
 * reach `constructor` or `__proto__`.
 */
function compilePath(path: string): (subject: unknown) => unknown {
  const steps = path.split('.');
  return (subject) => {
    let current = subject;
    for (const step of steps) {
      if (typeof current !== 'object' || current === null || !Object.hasOwn(current, step)) return null;
      current = (current as Record<string, unknown>)[step];
    }
    return current ?? null;
  };
}

/** A trait against a literal, or against an object of `$operators` that must all hold. */
function compileValue(expected: unknown, insensitive = false): ValueTest {
  if (typeof expected === 'string') {
    if (!insensitive) return (actual) => isScalar(actual) && String(actual) === expected;
    const lower = expected.toLowerCase();
    return (actual) => isScalar(actual) && String(actual).toLowerCase() === lower;
  }
  if (typeof expected === 'number') return (actual) => isScalar(actual) && Number(actual) === expected;
  // GrowthBook's boolean test is truthiness, so `{ beta: true }` also matches `beta: 'yes'`.
  if (typeof expected === 'boolean') return (actual) => actual !== null && Boolean(actual) === expected;
  if (expected === null) return (actual) => actual === null;
  if (!isOperatorObject(expected)) {
    const json = JSON.stringify(expected);
    return (actual) => JSON.stringify(actual) === json;
  }
  const tests = Object.entries(expected).map(([operator, argument]) => compileOperator(operator, argument));
  if (tests.length === 1) return tests[0] as ValueTest;
  return (actual) => tests.every((test) => test(actual));
}

/** One operator with its argument, e.g. `$gt` with `65` becomes `(actual) => actual > 65` for scalars. */
function compileOperator(operator: string, argument: unknown): ValueTest {
  if (isVersionOperator(operator)) {
    const test = versionTest(operator);
    const padded = paddedVersion(argument);
    return (actual) => test(paddedVersion(actual), padded);
  }
  switch (operator) {
    case '$eq':
      return (actual) => actual === argument;
    case '$ne':
      return (actual) => actual !== argument;
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte':
      return isComparable(argument) ? compileOrder(operator, argument) : never;
    case '$exists':
      return argument ? (actual) => actual !== null : (actual) => actual === null;
    case '$in':
    case '$ini':
      return Array.isArray(argument) ? compileIn(argument, operator === '$ini') : never;
    case '$nin':
    case '$nini': {
      if (!Array.isArray(argument)) return never;
      const isIn = compileIn(argument, operator === '$nini');
      return (actual) => !isIn(actual);
    }
    case '$all':
    case '$alli':
      return Array.isArray(argument) ? compileAll(argument, operator === '$alli') : never;
    case '$not': {
      const inner = compileValue(argument);
      return (actual) => !inner(actual);
    }
    case '$size': {
      const inner = compileValue(argument);
      return (actual) => Array.isArray(actual) && inner(actual.length);
    }
    case '$elemMatch': {
      const element = compileElement(argument);
      return (actual) => Array.isArray(actual) && actual.some(element);
    }
    case '$regex':
    case '$regexi': {
      const regex = typeof argument === 'string' ? compiledRegex(argument, operator === '$regexi') : null;
      if (regex === null) return never;
      return (actual) => isScalar(actual) && regex.test(String(actual)) === true;
    }
    case '$type':
      return (actual) => traitType(actual) === argument;
    default:
      return never;
  }
}

type Comparable = string | number | boolean | null;

function isComparable(value: unknown): value is Comparable {
  return value === null || isScalar(value);
}

/** JavaScript's own ordering, as GrowthBook uses: `'8' > 5` is true and a missing trait counts as 0. */
function compileOrder(operator: '$lt' | '$lte' | '$gt' | '$gte', expected: Comparable): ValueTest {
  // The casts only quiet the type checker; at run time `<` applies the same coercions to any scalar.
  const b = expected as number;
  if (operator === '$lt') return (actual) => isComparable(actual) && (actual as number) < b;
  if (operator === '$lte') return (actual) => isComparable(actual) && (actual as number) <= b;
  if (operator === '$gt') return (actual) => isComparable(actual) && (actual as number) > b;
  return (actual) => isComparable(actual) && (actual as number) >= b;
}

/** `$in`: the trait is one of the values or, for an array trait, shares at least one with them. */
function compileIn(values: unknown[], insensitive: boolean): ValueTest {
  const fold = (value: unknown) => (insensitive && typeof value === 'string' ? value.toLowerCase() : value);
  // A set finds what `===` finds, except NaN, which no JSON value is but a trait could be made to be.
  const set = new Set(values.map(fold));
  const has = (candidate: unknown) => {
    const folded = fold(candidate);
    return !Number.isNaN(folded) && set.has(folded);
  };
  return (actual) => (Array.isArray(actual) ? actual.some(has) : has(actual));
}

/** `$all`: an array trait holds, for every listed value or condition, an element that matches it. */
function compileAll(expected: unknown[], insensitive: boolean): ValueTest {
  const tests = expected.map((value) => compileValue(value, insensitive));
  return (actual) => Array.isArray(actual) && tests.every((test) => actual.some(test));
}

/** `$elemMatch` takes operators for plain elements (`{ $gt: 10 }`) or a condition for object elements. */
function compileElement(condition: unknown): ValueTest {
  if (isOperatorObject(condition)) return compileValue(condition);
  return isRecord(condition) ? compileCondition(condition) : never;
}
