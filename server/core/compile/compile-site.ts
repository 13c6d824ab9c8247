import type { Condition } from '../../schema/condition.ts';
import type { Message } from '../../schema/message.ts';
import type { Release } from '../../schema/release.ts';
import type { Segment } from '../../schema/segment.ts';
import type { AttentionBudget } from '../../schema/site.ts';
import { compileCondition, type Matcher } from '../conditions/compile.ts';
import { compilePages } from '../pages.ts';
import { resolveSegments } from '../segments.ts';
import { type CompiledMessage, compileMessage } from './compiled-message.ts';

/** What a site's decide depends on that changes only when the site, its messages or releases change. */
export type SiteRules = {
  messages: Message[];
  releases: Release[];
  attention: AttentionBudget;
  siteLocale: string;
  /** The site's saved segments, which audiences refer to with `{ "$segment": id }`. */
  segments?: Segment[];
};

/**
 * A site compiled for decide (DESIGN: "Decide is compiled, not interpreted"): messages in priority order,
 * each with its checks prepared, and the distinct page rules and audiences shared by all messages, so a
 * request runs each of them at most once whatever the number of messages using it.
 */
export type CompiledSite = {
  messages: CompiledMessage[];
  /** The messages as given, in that order, their audiences with the segments written in. */
  sources: Message[];
  /** The releases, their phases' audiences with the segments written in. */
  releases: Release[];
  /** The segments behind a resolved audience (a message's or a phase's), in words: 'segment “Texas”'. */
  audienceWords: (audience: Condition) => string | undefined;
  attention: AttentionBudget;
  pages: ((path: string) => boolean)[];
  audiences: Matcher[];
};

/** Orders messages: higher priority first, then the earlier published, then by id so the order is stable. */
export function byPriority(a: Message, b: Message): number {
  return (
    b.priority - a.priority ||
    (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Compiles a site's rules once per change; the live cache keeps the result. Saved segments are written
 * into the audiences that refer to them here, so decide never looks one up, and editing a segment is a
 * change of the site like any other (the live cache compiles it again).
 *
 * @example const site = compileSite({ messages, releases, attention, siteLocale: 'en', segments })
 */
export function compileSite(rules: SiteRules): CompiledSite {
  const resolved = resolveSegments(rules.messages, rules.releases, rules.segments ?? []);
  const releases = new Map(resolved.releases.map((r) => [r.id, r]));
  const pages = distinct(compilePages);
  const audiences = distinct(compileCondition);
  const messages = [...resolved.messages].sort(byPriority).map((message) =>
    compileMessage(message, releases, rules.siteLocale, {
      pagesIndex: pages.indexOf(message.pages),
      audienceIndex: audiences.indexOf(message.audience),
      audienceWords: resolved.wordsOf(message.audience),
    }),
  );
  return {
    messages,
    sources: resolved.messages,
    releases: resolved.releases,
    audienceWords: resolved.wordsOf,
    attention: rules.attention,
    pages: pages.compiled,
    audiences: audiences.compiled,
  };
}

/** Compiles equal values (by their JSON) once, and gives each value its index in the compiled list. */
function distinct<T, C>(compile: (value: T) => C) {
  const seen = new Map<string, number>();
  const compiled: C[] = [];
  return {
    compiled,
    indexOf(value: T): number {
      const key = JSON.stringify(value);
      let index = seen.get(key);
      if (index === undefined) {
        index = compiled.push(compile(value)) - 1;
        seen.set(key, index);
      }
      return index;
    },
  };
}
