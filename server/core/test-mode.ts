import type { ShownMessage } from '../schema/decide.ts';
import type { Release } from '../schema/release.ts';
import type { IdentityVerification } from '../schema/site.ts';

/** The page's query parameter that asks for test mode, as `herald_test=1` (or `true`). */
export const TEST_PARAMETER = 'herald_test';

/** Whether the request asks for test mode: the identify option, or the page's URL. */
export function asksForTestMode(userAsks: boolean | undefined, url: string | undefined): boolean {
  if (userAsks === true) return true;
  if (url === undefined || !url.includes(TEST_PARAMETER)) return false;
  try {
    const value = new URL(url).searchParams.get(TEST_PARAMETER);
    return value === '1' || value === 'true';
  } catch {
    return false;
  }
}

/**
 * Whether this user may have test mode: only a listed test user, named by id; where the site verifies
 * identity (optional or required), only one whose token proved that id, since ids are not secrets and test
 * mode shows releases nobody else sees yet.
 */
export function testModeGranted(
  site: { testUsers: readonly string[]; identityVerification: IdentityVerification },
  user: { id?: string | undefined; verified: boolean },
): boolean {
  if (user.id === undefined || !site.testUsers.includes(user.id)) return false;
  return site.identityVerification === 'off' || user.verified;
}

/** Whether events by this user key are a test user's: acknowledged, never stored or counted. */
export function isTestUser(site: { testUsers: readonly string[] }, userKey: string | undefined): boolean {
  return userKey !== undefined && site.testUsers.includes(userKey);
}

/**
 * A message as a test user sees it in test mode: marked on screen, in its title and first paragraph, so
 * nobody mistakes a draft for what users see.
 *
 * @example markedForTest(shown, release).content.title // 'Test mode · Offline mode is here'
 */
export function markedForTest(shown: ShownMessage, release: Release | undefined): ShownMessage {
  const why = release === undefined ? 'it is not tied to a release' : standing(release);
  return {
    ...shown,
    content: {
      ...shown.content,
      title: `Test mode · ${shown.content.title}`,
      body: [
        { t: 'p', c: [{ t: 'strong', c: ['Test mode.'] }, ` You see this as a test user: ${why}.`] },
        ...shown.content.body,
      ],
    },
  };
}

function standing(release: Release): string {
  const phase = release.phases[release.currentPhase]?.name;
  const at = phase === undefined ? '' : ` at phase “${phase}”`;
  if (release.status === 'draft') return `the release “${release.name}” is a draft`;
  if (release.status === 'paused') return `the release “${release.name}” is paused${at}`;
  if (release.status === 'active') return `the release “${release.name}” is running${at}`;
  return `the release “${release.name}” is ${release.status === 'complete' ? 'complete' : 'rolled back'}`;
}
