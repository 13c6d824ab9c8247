import type { Kysely } from 'kysely';
import type { NewExposure } from '../core/decide.ts';
import { emptyUserState } from '../core/history.ts';
import type { UserState } from '../schema/history.ts';
import { type EventWriterOptions, readStates } from './event-writer.ts';
import type { Tables } from './tables.ts';

/**
 * Records releases reaching a user for the first time, inside the caller's transaction (the decide writes'
 * group commit): a row per release for reports, and the exposure in the user's state so it sticks, with the
 * state row locked like the event writer does.
 */
export async function writeExposures(
  trx: Kysely<Tables>,
  options: EventWriterOptions,
  input: { siteId: string; userKey: string; exposures: NewExposure[]; at: string },
): Promise<void> {
  if (input.exposures.length === 0) return;
  await trx
    .insertInto('exposures')
    .values(exposureRows(input.siteId, input.userKey, input.exposures, input.at))
    .onConflict((oc) => oc.columns(['release_id', 'user_key']).doNothing())
    .execute();
  const before =
    (await readStates(trx, input.siteId, [input.userKey], options)).get(input.userKey) ?? emptyUserState();
  const state = JSON.stringify(withExposures(before, input.exposures, input.at));
  await trx
    .insertInto('user_states')
    .values({ site_id: input.siteId, user_key: input.userKey, state })
    .onConflict((oc) => oc.columns(['site_id', 'user_key']).doUpdateSet({ state }))
    .execute();
}

/** The report rows of a user's new exposures. */
export function exposureRows(siteId: string, userKey: string, exposures: NewExposure[], at: string) {
  return exposures.map((x) => ({
    release_id: x.releaseId,
    user_key: userKey,
    site_id: siteId,
    phase: x.phase,
    holdout: x.holdout ? 1 : 0,
    at,
  }));
}

/** The state with these exposures added; one recorded before stays as it was (exposure is sticky). */
export function withExposures(state: UserState, exposures: NewExposure[], at: string): UserState {
  const recorded = { ...state.exposures };
  for (const x of exposures) recorded[x.releaseId] ??= { phase: x.phase, holdout: x.holdout, at };
  return { ...state, exposures: recorded };
}
