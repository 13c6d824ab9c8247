import type { Release } from '../../server/schema/release.ts';

/**
 * Why a message that follows a release reaches nobody when published now, in words; null when the release
 * lets it through (active or complete) or it follows none.
 *
 * @example releaseHold('rel_1', [draftRelease]) // 'Nobody sees it until the release “Offline mode” starts.'
 */
export function releaseHold(releaseId: string | null | undefined, releases: Release[]): string | null {
  if (!releaseId) return null;
  const r = releases.find((x) => x.id === releaseId);
  if (!r) return null;
  switch (r.status) {
    case 'draft':
      return `Nobody sees it until the release “${r.name}” starts.`;
    case 'paused':
      return `Nobody sees it while the release “${r.name}” is paused.`;
    case 'rolled_back':
      return `Nobody sees it: the release “${r.name}” is rolled back.`;
    default:
      return null;
  }
}
