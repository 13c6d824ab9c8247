import { signal } from '@preact/signals';
import type { Message } from '../../server/schema/message.ts';
import type { Release, RolloutAction } from '../../server/schema/release.ts';
import type { ReleaseReport } from '../../server/schema/report.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { createLive } from '../app/poller.ts';
import { firstProblem, problemOf } from '../forms/form-errors.ts';
import { createTraitChoice } from '../results/trait-choice.ts';
import { doneText } from './rollout-actions.ts';

/** A transition nobody on this page made (a guardrail, the gate, a colleague), in words for the live region. */
function newsOf(before: Release | null, after: Release): string | null {
  if (!before || after.history.length <= before.history.length) return null;
  const e = after.history.at(-1);
  return e ? `The release is now ${after.status.replace('_', ' ')} (${e.by}): ${e.reason}.` : null;
}

/**
 * One release's page: the release, its report (per phase, or per cohort of a trait), the messages that
 * follow it, refreshed every 5 s while visible; and the rollout actions, whose outcome is said in `status`.
 *
 * @example const v = createReleaseView(api, 'rel_1'); v.start(); await v.act('advance');
 */
export function createReleaseView(api: HeraldApi, releaseId: string) {
  const release = signal<Release | null>(null);
  const report = signal<ReleaseReport | null>(null);
  const messages = signal<Message[] | null>(null);
  const status = signal('');
  const error = signal<string | null>(null);
  /** Why the last rollout action failed, until the next one. */
  const actionError = signal<string | null>(null);
  const busy = signal(false);

  const accept = (r: Release) => {
    const news = newsOf(release.value, r);
    release.value = r;
    return news;
  };
  const loadReport = async () => {
    const by = trait.by.value;
    report.value = await api.releases.report(releaseId, by ? `trait:${by}` : 'phase');
  };
  /** `''` reports per phase. */
  const trait = createTraitChoice(loadReport);
  const loadMessages = async (siteId: string) => {
    const all = await api.messages.list(siteId);
    messages.value = all.filter((m) => m.releaseId === releaseId);
  };

  async function refresh() {
    try {
      const news = accept(await api.releases.get(releaseId));
      if (news) status.value = news;
    } catch (e) {
      error.value = problemOf(e).message;
      return false;
    }
    const siteId = release.value?.siteId ?? '';
    error.value = await firstProblem([loadReport(), loadMessages(siteId)]);
    return true;
  }
  const live = createLive(refresh);

  return {
    release,
    report,
    messages,
    ...trait,
    status,
    error,
    actionError,
    busy,
    ...live,
    /** Sends a rollout action; a 409 (someone or something moved it first) is said, and the page catches up. */
    async act(action: RolloutAction, reason?: string): Promise<boolean> {
      // One at a time: a second click while the first is on its way would act on a stale state.
      if (busy.value) return false;
      busy.value = true;
      let r: Release | undefined;
      let failed = '';
      try {
        r = await api.releases.act(releaseId, action, reason?.trim() || undefined);
      } catch (e) {
        failed = `Could not ${action === 'rollback' ? 'roll back' : action}: ${problemOf(e).message}`;
        await live.refresh().catch(() => {});
      } finally {
        // The next action may go once this one's answer is here: it acts on the release as it now stands.
        // Waiting for the report as well silently dropped a Pause pressed right after an Advance.
        busy.value = false;
      }
      if (r === undefined) {
        [status.value, actionError.value] = ['', failed];
        return false;
      }
      [release.value, status.value, actionError.value] = [r, doneText(action, r), null];
      await loadReport().catch(() => {});
      return true;
    },
  };
}

export type ReleaseView = ReturnType<typeof createReleaseView>;
