import { signal } from '@preact/signals-core';
import type { ShownMessage } from '../../server/schema/decide.ts';

/**
 * The surfaces' code, one lazily loaded chunk each: a page downloads the surfaces it shows, not the
 * others. A message is a frame (modal, banner, slide-out) around a body (announcement, survey), each a
 * chunk. The chunks import Preact and what the surfaces share (content, close button…) from the entry.
 */
const chunks = {
  modal: () => import('./modal.tsx').then((m) => m.Modal),
  banner: () => import('./banner.tsx').then((m) => m.Banner),
  slideout: () => import('./slideout.tsx').then((m) => m.Slideout),
  announcement: () => import('./announcement.tsx').then((m) => m.Announcement),
  survey: () => import('./survey.tsx').then((m) => m.Survey),
  launcher: () => import('./feed-launcher.tsx').then((m) => m.FeedLauncher),
  panel: () => import('./feed-panel.tsx').then((m) => m.FeedPanel),
  tooltip: () => import('./tooltip.tsx').then((m) => m.Tooltip),
  position: () => import('./position.ts'),
};
type Chunks = typeof chunks;
type Name = keyof Chunks;
type Loaded = { [K in Name]?: Awaited<ReturnType<Chunks[K]>> };

/** The chunks that have arrived, by name: a signal, so that `mountUi` draws again when one arrives. */
export const loaded = signal<Loaded>({});
const loading: { [K in Name]?: Promise<void> } = {};

/**
 * A chunk's export once it has arrived, else undefined — and then the chunk is on its way (once; one
 * that failed is tried again at the next call). Components call this while rendering.
 *
 * @example const Panel = part('panel'); return Panel && <Panel … />;
 */
export function part<K extends Name>(name: K): Loaded[K] {
  loading[name] ??= chunks[name]().then(
    (c) => {
      loaded.value = { ...loaded.value, [name]: c };
    },
    () => {
      delete loading[name];
    },
  );
  return loaded.value[name];
}

/** The frame a message is drawn in: its style, but a survey is a slide-out card unless it asked for a modal. */
export function frameOf(m: ShownMessage): 'modal' | 'banner' | 'slideout' {
  const style = 'style' in m.display ? m.display.style : 'slideout';
  return style === 'banner' && m.kind === 'survey' ? 'slideout' : style;
}

/** The body a message is drawn with inside its frame. */
export function bodyOf(m: ShownMessage): 'announcement' | 'survey' {
  return m.kind === 'survey' ? 'survey' : 'announcement';
}

/**
 * The chunks showing `m` takes: its frame and its body; for a message anchored to an element (a
 * tooltip), the tooltip, the announcement it draws, and its positioning library, which the tooltip would
 * otherwise import only once mounted.
 */
function chunksOf(m: ShownMessage): Name[] {
  if ('anchor' in m.display) return ['tooltip', 'announcement', 'position'];
  return [frameOf(m), bodyOf(m)];
}

/**
 * Starts downloading what showing `m` takes as soon as its trigger is armed, all at once: a message
 * waits for one round trip after the surfaces entry at most, and during its delay rather than after it.
 */
export function preload(m: ShownMessage): void {
  for (const name of chunksOf(m)) part(name);
}
