// The widget drawn without its runtime, as the admin's previews and the widget's own tests draw it: a view
// made of signals the caller sets, and a sample message. Never imported by the widget's bundle.

import { signal } from '@preact/signals-core';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { FeedPost } from '../../server/schema/feed.ts';
import type { WidgetActions, WidgetTheme, WidgetView } from '../model/view.ts';

/**
 * A view whose signals the caller sets, nothing on screen at first, with the given actions (spies in a
 * test, no-ops in a preview).
 *
 * @example const view = signalView(actions); view.current.value = sampleMessage(); mountUi(shadow, view);
 */
export function signalView<A extends WidgetActions>(actions: A) {
  const view = {
    current: signal<ShownMessage | null>(null),
    banners: signal<ShownMessage[]>([]),
    tooltips: signal<{ message: ShownMessage; anchor: Element }[]>([]),
    feed: {
      launcher: signal(false),
      open: signal(false),
      loading: signal(false),
      posts: signal<FeedPost[]>([]),
      unread: signal(0),
      follow: signal<string | undefined>(undefined),
    },
    locale: signal('en'),
    theme: signal<WidgetTheme | null>(null),
    actions,
  };
  return view satisfies WidgetView;
}

/**
 * A message as `/v1/decide` returns it: an announcement in a modal, in English, unless overridden.
 *
 * @example sampleMessage({ kind: 'survey', display: { style: 'slideout' } })
 */
export function sampleMessage(over: Partial<ShownMessage> = {}): ShownMessage {
  return {
    id: 'msg_1',
    kind: 'announcement',
    display: { style: 'modal' },
    content: {
      title: 'Reserve a scooter ahead',
      body: [{ t: 'p', c: ['Reserve up to ', { t: 'strong', c: ['30 minutes'] }, ' ahead.'] }],
      cta: { label: 'Try it', url: '/reserve' },
    },
    locale: 'en',
    rtl: false,
    trigger: { on: 'load', delayMs: 0 },
    pages: { include: [], exclude: [] },
    dismissible: 'forever',
    priority: 0,
    ...over,
  };
}
