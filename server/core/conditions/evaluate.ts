import type { Condition } from '../../schema/condition.ts';
import { readPath } from './path.ts';
import { compiledRegex } from './regex.ts';
import { isOperatorObject, isRecord, isScalar, traitType } from './values.ts';
import { compareVersions, isVersionOperator } from './versions.ts';

/**
 * Whether a user's traits fall inside an audience. The conditions are MongoDB-style and mean what
 * GrowthBook's targeting conditions mean, so authors can lean on its docs: each key is a dotted trait
 * path or `$and` `$or` `$nor` `$not`, and every key must hold; `{}` matches everyone. A missing trait
 * reads as `null` (so `{ age: { $lt: 10 } }` matches a user without an age, as in GrowthBook).
 *
 * It never throws: conditionProblems rejects malformed audiences when they are saved, and anything
 * malformed that still reaches here (an unknown operator, a bad regex) simply does not match.
 *
 * Three deliberate departures from GrowthBook's JavaScript coercions, each pinned by a case:
 * a string or number condition only equals a string, number or boolean trait (so `{ plan: 'null' }`
 * never matches a missing plan); `$regex` and `$lt`-style comparisons only look at such scalar
 * traits; and `$elemMatch` also tests falsy elements such as `0` and `''`.
 *
 * @example evalCondition({ city: 'Austin', plan: 'pro' }, { plan: { $in: ['plus', 'pro'] } }) // true
 */
export function evalCondition(attributes: Record<string, unknown>, condition: Condition): boolean {
  return matches(attributes, condition);
}

/** Whether one subject (the traits, or an array element under `$elemMatch`) meets a condition. */
function matches(subject: unknown, condition: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(condition)) {
    if (!matchesEntry(subject, key, value)) return false;
  }
  return true;
}

function matchesEntry(subject: unknown, key: string, value: unknown): boolean {
  if (key === '$and' || key === '$or' || key === '$nor') return matchesList(subject, key, value);
  if (key === '$not') return isRecord(value) && !matches(subject, value);
  return matchesValue(readPath(subject, key), value);
}

function matchesList(subject: unknown, key: '$and' | '$or' | '$nor', list: unknown): boolean {
  if (!Array.isArray(list) || !list.every(isRecord)) return false;
  const holdsFor = (condition: Record<string, unknown>) => matches(subject, condition);
  if (key === '$and') return list.every(holdsFor);
  if (key === '$or') return list.length === 0 || list.some(holdsFor);
  // As in GrowthBook an empty $nor matches no one; the validator rejects it on save.
  return list.length > 0 && !list.some(holdsFor);
}

/** Compares one trait with a condition value: a literal, or an object of `$operators` that must all hold. */
function matchesValue(actual: unknown, expected: unknown, insensitive = false): boolean {
  if (typeof expected === 'string') {
    if (!isScalar(actual)) return false;
    return insensitive
      ? String(actual).toLowerCase() === expected.toLowerCase()
      : String(actual) === expected;
  }
  if (typeof expected === 'number') return isScalar(actual) && Number(actual) === expected;
  // GrowthBook's boolean test is truthiness, so `{ beta: true }` also matches `beta: 'yes'`.
  if (typeof expected === 'boolean') return actual !== null && Boolean(actual) === expected;
  if (expected === null) return actual === null;
  if (!isOperatorObject(expected)) return JSON.stringify(actual) === JSON.stringify(expected);
  return Object.entries(expected).every(([operator, argument]) => holds(operator, actual, argument));
}

/** Whether one operator holds for a trait, e.g. `holds('$gt', 70, 65)`. */
function holds(operator: string, actual: unknown, argument: unknown): boolean {
  if (isVersionOperator(operator)) return compareVersions(operator, actual, argument);
  switch (operator) {
    case '$eq':
      return actual === argument;
    case '$ne':
      return actual !== argument;
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte':
      return isComparable(actual) && isComparable(argument) && orders(operator, actual, argument);
    case '$exists':
      return argument ? actual !== null : actual === null;
    case '$in':
    case '$ini':
      return Array.isArray(argument) && isIn(actual, argument, operator === '$ini');
    case '$nin':
    case '$nini':
      return Array.isArray(argument) && !isIn(actual, argument, operator === '$nini');
    case '$all':
    case '$alli':
      return Array.isArray(argument) && containsAll(actual, argument, operator === '$alli');
    case '$not':
      return !matchesValue(actual, argument);
    case '$size':
      return Array.isArray(actual) && matchesValue(actual.length, argument);
    case '$elemMatch':
      return Array.isArray(actual) && actual.some((element) => elementMatches(element, argument));
    case '$regex':
    case '$regexi':
      return (
        typeof argument === 'string' &&
        isScalar(actual) &&
        compiledRegex(argument, operator === '$regexi')?.test(String(actual)) === true
      );
    case '$type':
      return traitType(actual) === argument;
    default:
      return false;
  }
}

type Comparable = string | number | boolean | null;

function isComparable(value: unknown): value is Comparable {
  return value === null || isScalar(value);
}

/** JavaScript's own ordering, as GrowthBook uses: `'8' > 5` is true and a missing trait counts as 0. */
function orders(
  operator: '$lt' | '$lte' | '$gt' | '$gte',
  actual: Comparable,
  expected: Comparable,
): boolean {
  // The casts only quiet the type checker; at run time `<` applies the same coercions to any scalar.
  const a = actual as number;
  const b = expected as number;
  if (operator === '$lt') return a < b;
  if (operator === '$lte') return a <= b;
  if (operator === '$gt') return a > b;
  return a >= b;
}

/** `$in`: the trait is one of the values or, for an array trait, shares at least one with them. */
function isIn(actual: unknown, values: unknown[], insensitive: boolean): boolean {
  const fold = (value: unknown) => (insensitive && typeof value === 'string' ? value.toLowerCase() : value);
  const candidates = Array.isArray(actual) ? actual : [actual];
  return candidates.some((candidate) => values.some((value) => fold(value) === fold(candidate)));
}

/** `$all`: an array trait holds, for every listed value or condition, an element that matches it. */
function containsAll(actual: unknown, expected: unknown[], insensitive: boolean): boolean {
  if (!Array.isArray(actual)) return false;
  return expected.every((value) => actual.some((element) => matchesValue(element, value, insensitive)));
}

/** `$elemMatch` takes operators for plain elements (`{ $gt: 10 }`) or a condition for object elements. */
function elementMatches(element: unknown, condition: unknown): boolean {
  if (isOperatorObject(condition)) return matchesValue(element, condition);
  return isRecord(condition) && matches(element, condition);
}
