import type { Condition } from '../../schema/condition.ts';
import { compileCondition, type Matcher } from './compile.ts';

/** Compiled audiences by the condition object they came from, so a stored audience is compiled once. */
const compiled = new WeakMap<Condition, Matcher>();

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
  let matcher = compiled.get(condition);
  if (matcher === undefined) {
    matcher = compileCondition(condition);
    compiled.set(condition, matcher);
  }
  return matcher(attributes);
}
