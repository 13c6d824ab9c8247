/**
 * The operators the audience row editor offers, by how their value is written. Every one maps to the
 * MongoDB-style condition DESIGN documents; `is` is a plain value (`{ city: 'Austin' }`), `set`/`unset` are
 * `$exists: true/false`. What the rows cannot say ($not, $nor, $elemMatch, $type, null) stays in the JSON view.
 */
export const OPERATORS = [
  ['is', 'is', 'typed'],
  ['$ne', 'is not', 'typed'],
  ['$in', 'is one of', 'list'],
  ['$nin', 'is not one of', 'list'],
  ['$ini', 'is one of (any case)', 'list'],
  ['$nini', 'is not one of (any case)', 'list'],
  ['$all', 'has all of', 'list'],
  ['$alli', 'has all of (any case)', 'list'],
  ['$gt', 'is greater than', 'typed'],
  ['$gte', 'is at least', 'typed'],
  ['$lt', 'is less than', 'typed'],
  ['$lte', 'is at most', 'typed'],
  ['$eq', 'is exactly (same type)', 'typed'],
  ['$regex', 'matches pattern', 'string'],
  ['$regexi', 'matches pattern (any case)', 'string'],
  ['$veq', 'version is', 'string'],
  ['$vne', 'version is not', 'string'],
  ['$vgt', 'version is after', 'string'],
  ['$vgte', 'version is at least', 'string'],
  ['$vlt', 'version is before', 'string'],
  ['$vlte', 'version is at most', 'string'],
  ['$size', 'has this many items', 'count'],
  ['set', 'is set', 'none'],
  ['unset', 'is not set', 'none'],
] as const;

export type OperatorId = (typeof OPERATORS)[number][0];
/** How an operator's value is written: one typed value, a comma-separated list, a string, a count, nothing. */
export type ValueShape = (typeof OPERATORS)[number][2];
/** How a typed value is read from its text box. */
export type ValueType = 'text' | 'number' | 'boolean';

const shapes = new Map<string, ValueShape>(OPERATORS.map(([id, , shape]) => [id, shape]));

/** The value shape of an operator, or undefined when the rows do not offer it. */
export function shapeOf(op: string): ValueShape | undefined {
  return shapes.get(op);
}

export type Scalar = string | number | boolean;

export function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';
}

export function typeOf(v: Scalar): ValueType {
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text';
}

/** A value's text as the row shows it. */
export const textOf = (v: Scalar) => String(v);

/**
 * Reads a row's text as its type. A number that does not parse stays text, so nothing is lost;
 * {@link valueProblem} tells the author.
 */
export function cast(text: string, type: ValueType): Scalar {
  if (type === 'boolean') return text.trim() === 'true';
  if (type === 'number') {
    const n = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  return text;
}

/** A comma-separated list's items, trimmed, empty ones dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** What is wrong with a row's value, in words, or null. */
export function valueProblem(op: OperatorId, value: string, type: ValueType): string | null {
  const shape = shapeOf(op);
  const items = shape === 'list' ? splitList(value) : [value];
  if ((shape === 'typed' || shape === 'list') && type === 'number' && items.some((i) => cast(i, type) === i))
    return 'Enter a number (lists: numbers separated by commas).';
  if (shape === 'count' && !/^\d+$/.test(value.trim())) return 'Enter a whole number.';
  if (op.startsWith('$v') && value.trim() === '') return 'Enter a version such as 2.4.0.';
  if (op.startsWith('$regex')) {
    try {
      new RegExp(value);
    } catch {
      return 'This is not a valid regular expression.';
    }
  }
  return null;
}
