/** A JSON object (not an array, not null): the only shape a condition or an operator object can take. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, number or boolean: the traits that equality, ordering and `$regex` look at. */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Whether a condition value is a set of operators (`{ $gt: 3, $lt: 9 }`) rather than a literal object
 * to compare with: every key starts with `$` and there is at least one.
 */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

/** The names `$type` accepts, the same as GrowthBook's. */
export const traitTypes: readonly string[] = [
  'string',
  'number',
  'boolean',
  'array',
  'object',
  'null',
  'undefined',
];

/** The `$type` name of a trait value, e.g. `'array'` for `['a']` and `'null'` for a missing trait. */
export function traitType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
