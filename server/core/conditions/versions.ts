/**
 * Turns a version into a string that sorts like the version, so `$vgt` and friends are plain string
 * comparisons — the same trick GrowthBook's SDKs use, so an audience means the same thing in both.
 * `v` prefixes and `+build` suffixes are dropped, numeric parts are left-padded (`" 9" < "10"`), and a
 * release without a pre-release tag gets a trailing `~` (the highest printable ASCII character) so
 * `1.0.0` sorts after `1.0.0-beta`. Anything that is not a non-empty string or a number reads as `0`.
 *
 * @example paddedVersion('v1.2.3+build.7') // '    1-    2-    3-~'
 */
export function paddedVersion(input: unknown): string {
  const text = typeof input === 'number' ? String(input) : input;
  const version = typeof text === 'string' && text !== '' ? text : '0';
  const parts = version.replace(/^v|\+.*$/g, '').split(/[-.]/);
  if (parts.length === 3) parts.push('~');
  return parts.map((part) => (/^\d+$/.test(part) ? part.padStart(5, ' ') : part)).join('-');
}

/** The version comparison operators and the string comparison each one stands for. */
const versionTests = {
  $veq: (a: string, b: string) => a === b,
  $vne: (a: string, b: string) => a !== b,
  $vgt: (a: string, b: string) => a > b,
  $vgte: (a: string, b: string) => a >= b,
  $vlt: (a: string, b: string) => a < b,
  $vlte: (a: string, b: string) => a <= b,
} as const;

/** A version comparison operator, e.g. `$vgte` in `{ appVersion: { $vgte: '2.4.0' } }`. */
export type VersionOperator = keyof typeof versionTests;

/** Tells a version operator from the others, so the evaluator and the validator share one list. */
export function isVersionOperator(operator: string): operator is VersionOperator {
  return Object.hasOwn(versionTests, operator);
}

/**
 * The string comparison a version operator stands for, applied to two padded versions; the compiled audience
 * pads the condition's version once and the trait's per user.
 *
 * @example versionTest('$vgte')(paddedVersion('2.10.0'), paddedVersion('2.9.1')) // true
 */
export function versionTest(operator: VersionOperator): (actual: string, expected: string) => boolean {
  return versionTests[operator];
}
