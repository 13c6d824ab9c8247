import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { compileSite } from '../../server/core/compile/compile-site.ts';
import { type Decision, decideCompiled } from '../../server/core/decide.ts';
import type { Message } from '../../server/schema/message.ts';
import { HiddenReason } from '../../server/schema/reasons.ts';
import { GOLDEN_NOW, goldenCases, goldenSite } from './golden-inputs.ts';

/** Where the recorded decisions live: one line per user, gzipped. */
export const GOLDEN_FILE = new URL('./decide-golden.txt.gz', import.meta.url);

/** One letter per hidden reason (`a` = not-live, …), `+` for a shown message. */
const letters = new Map(HiddenReason.options.map((reason, i) => [reason, String.fromCharCode(97 + i)]));

/**
 * One user's decision as a line: for each message of the mix, in the mix's order, `+` (shown) or its hidden
 * reason's letter, so a diff says at a glance which message changed and how; then a hash of the whole
 * decision as JSON (shown order, content, details, releases, exposures), so nothing else can change unseen.
 */
export function goldenLine(decision: Decision, messages: Message[]): string {
  const verdict = new Map<string, string>();
  for (const shown of decision.messages) verdict.set(shown.id, '+');
  for (const h of decision.hidden) verdict.set(h.id, letters.get(h.reason) ?? '?');
  const codes = messages.map((m) => verdict.get(m.id) ?? '_').join('');
  const { messages: shown, hidden, releases, exposures } = decision;
  const json = JSON.stringify({ messages: shown, hidden, releases, exposures });
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
  return `${codes} ${hash}`;
}

/** Today's decide over the golden inputs, line by line: the site compiled once, as the live cache does. */
export function currentGoldenLines(): string[] {
  const { messages, releases } = goldenSite();
  const site = compileSite({
    messages,
    releases,
    attention: { maxPerDay: 3, minGapMinutes: 30 },
    siteLocale: 'en',
  });
  return goldenCases(messages).map((c) =>
    goldenLine(
      decideCompiled(site, {
        user: c.user,
        state: c.state,
        context: c.context,
        now: GOLDEN_NOW,
        ignoreHistory: c.ignoreHistory,
      }),
      messages,
    ),
  );
}

/** The recorded lines. */
export function recordedGoldenLines(): string[] {
  return gunzipSync(readFileSync(GOLDEN_FILE)).toString('utf8').trimEnd().split('\n');
}

// `npx tsx test/golden/decide-golden.ts --record` rewrites the fixture: only for a deliberate change of behaviour.
if (process.argv.includes('--record')) {
  writeFileSync(GOLDEN_FILE, gzipSync(`${currentGoldenLines().join('\n')}\n`, { level: 9 }));
  console.log(`recorded ${GOLDEN_FILE.pathname}`);
}
