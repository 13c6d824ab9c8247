import { compiledRegex } from './regex.ts';
import { isOperatorObject, isRecord, isScalar, traitTypes } from './values.ts';
import { isVersionOperator } from './versions.ts';

/** Deep enough for any audience a person writes; deeper is a mistake or an attempt to slow decide. */
const maxDepth = 10;

/**
 * Lists what is wrong with an audience condition, one readable sentence per problem, each naming its
 * path (`city.$in: must be an array`); an empty list means the condition is valid. Messages are
 * checked when they are saved so a typo is shown to the author then — at decide time evalCondition
 * never throws and would only quietly match no one.
 *
 * @example conditionProblems({ city: { $in: 'Austin' } }) // ['city.$in: must be an array']
 */
export function conditionProblems(condition: unknown): string[] {
  if (!isRecord(condition)) return ['condition: must be an object'];
  return conditionAt(condition, '', 1);
}

type Check = (argument: unknown, path: string, depth: number) => string[];

/** `ofUser`: the condition is about the user (a saved segment may stand here), not an array's item. */
function conditionAt(
  condition: Record<string, unknown>,
  path: string,
  depth: number,
  ofUser = true,
): string[] {
  if (depth > maxDepth) return [`${path}: nests deeper than ${maxDepth} levels`];
  return Object.entries(condition).flatMap(([key, value]) => {
    const here = path === '' ? key : `${path}.${key}`;
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value) || !value.every(isRecord)) return [`${here}: must be an array of conditions`];
      if (key === '$nor' && value.length === 0) return [`${here}: must list at least one condition`];
      return value.flatMap((item, index) => conditionAt(item, `${here}[${index}]`, depth + 1, ofUser));
    }
    if (key === '$not') {
      return isRecord(value)
        ? conditionAt(value, here, depth + 1, ofUser)
        : [`${here}: must be a condition object`];
    }
    if (key === '$segment') {
      if (!ofUser) return [`${here}: a segment describes a user, not an array's item`];
      return typeof value === 'string' && value !== '' ? [] : [`${here}: must be a segment id`];
    }
    if (key.startsWith('$')) return [`${here}: unknown operator`];
    if (key.split('.').includes('')) return [`${here}: trait path has an empty part`];
    return valueAt(value, here, depth + 1);
  });
}

/** A field's condition value: a literal to compare with (always fine) or an object of operators. */
function valueAt(value: unknown, path: string, depth: number): string[] {
  if (!isRecord(value)) return [];
  const keys = Object.keys(value);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return [];
  if (operators.length < keys.length) return [`${path}: mixes $operators with plain keys`];
  if (depth > maxDepth) return [`${path}: nests deeper than ${maxDepth} levels`];
  return operators.flatMap((operator) => {
    const here = `${path}.${operator}`;
    const check = isVersionOperator(operator) ? versionString : checks[operator];
    return check ? check(value[operator], here, depth) : [`${here}: unknown operator`];
  });
}

const problemUnless =
  (ok: (argument: unknown) => boolean, problem: string): Check =>
  (argument, path) =>
    ok(argument) ? [] : [`${path}: ${problem}`];

const versionString = problemUnless(
  (argument) => typeof argument === 'string' && argument.trim() !== '',
  'must be a version string such as "2.4.0"',
);
const scalarOrNull = problemUnless(
  (argument) => argument === null || isScalar(argument),
  'must be a string, number, boolean or null',
);
const orderable = problemUnless(
  (argument) => typeof argument === 'string' || typeof argument === 'number',
  'must be a number or a string',
);
const array = problemUnless(Array.isArray, 'must be an array');
const regex = problemUnless(
  (argument) => typeof argument === 'string' && compiledRegex(argument) !== null,
  'must be a valid regular expression (RE2 syntax: no backreferences or lookaround)',
);

/** `$all` items may themselves be conditions (`{ $all: [{ $regex: '^a' }] }`), so they are checked too. */
const arrayOfValues: Check = (argument, path, depth) =>
  Array.isArray(argument)
    ? argument.flatMap((item, index) => valueAt(item, `${path}[${index}]`, depth + 1))
    : [`${path}: must be an array`];

const checks: Record<string, Check> = {
  $eq: scalarOrNull,
  $ne: scalarOrNull,
  $lt: orderable,
  $lte: orderable,
  $gt: orderable,
  $gte: orderable,
  $in: array,
  $nin: array,
  $ini: array,
  $nini: array,
  $all: arrayOfValues,
  $alli: arrayOfValues,
  $regex: regex,
  $regexi: regex,
  $exists: problemUnless((argument) => typeof argument === 'boolean', 'must be true or false'),
  $type: problemUnless(
    (argument) => typeof argument === 'string' && traitTypes.includes(argument),
    `must be one of ${traitTypes.join(', ')}`,
  ),
  $not: (argument, path, depth) => valueAt(argument, path, depth + 1),
  $size: (argument, path, depth) => {
    if (typeof argument === 'number' && Number.isInteger(argument) && argument >= 0) return [];
    if (isOperatorObject(argument)) return valueAt(argument, path, depth + 1);
    return [`${path}: must be a whole number or a condition such as { "$gt": 2 }`];
  },
  $elemMatch: (argument, path, depth) => {
    if (isOperatorObject(argument)) return valueAt(argument, path, depth + 1);
    if (isRecord(argument)) return conditionAt(argument, path, depth + 1, false);
    return [`${path}: must be an object of operators or a condition`];
  },
};
