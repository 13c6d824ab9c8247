import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { DecideResponse, ShownMessage } from '../../server/schema/decide.ts';
import type { Event } from '../../server/schema/events.ts';
import { message } from '../ui/test-kit.ts';
import type { Host } from './host.ts';
import { guard, log } from './log.ts';
import { createModel } from './model.ts';

function fakeHost(): Host & { record: Mock<Host['record']>; remember: Mock<Host['remember']> } {
  return {
    config: { site: 'pk_demo', api: '', chunks: '', locale: 'en', debug: false, launcher: true },
    record: vi.fn<Host['record']>((e) => ({ ...e, id: 'ev', at: '', user: {} }) as Event),
    remember: vi.fn<Host['remember']>(),
    feed: vi.fn(async () => ({ posts: [], unread: 0 })),
    log,
    guard,
    on: {},
  };
}
const decision = (...messages: ShownMessage[]): DecideResponse => ({ messages, releases: {} });
const tooltip = (over: Partial<ShownMessage> = {}) =>
  message({ id: 'tip', kind: 'tooltip', display: { anchor: '#reserve', placement: 'bottom' }, ...over });
/** Lets pending promises and the model's zero-delay tasks run. */
const settle = () => vi.advanceTimersByTimeAsync(1);
const addButton = () => {
  const button = Object.assign(document.createElement('button'), { id: 'reserve' });
  document.body.append(button);
  return button;
};

describe('surfaces model', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/demo/');
    document.body.replaceChildren();
  });
  afterEach(() => vi.useRealTimers());

  it('shows one interruption at a time, the highest priority first', async () => {
    const model = createModel(fakeHost());
    const low = message({ id: 'low', priority: 0 });
    const high = message({ id: 'high', priority: 9 });
    model.update(decision(low, high), []);
    await settle();
    expect(model.view.current.value?.id).toBe('high');
    model.view.actions.dismiss('high');
    expect(model.view.current.value?.id).toBe('low');
  });

  it('shows a banner alongside the interruption, not in its place', async () => {
    const model = createModel(fakeHost());
    const banner = message({ id: 'banner', display: { style: 'banner', position: 'bottom' }, priority: 1 });
    const modal = message({ id: 'modal', priority: 10, trigger: { on: 'load', delayMs: 500 } });
    model.update(decision(banner, modal), []);
    await settle();
    expect(model.view.banners.value.map((m) => m.id)).toEqual(['banner']);
    expect(model.view.current.value).toBeNull();
    await vi.advanceTimersByTimeAsync(500);
    expect(model.view.current.value?.id).toBe('modal');
    expect(model.view.banners.value.map((m) => m.id)).toEqual(['banner']);
    model.view.actions.dismiss('banner');
    expect(model.view.banners.value).toEqual([]);
    expect(model.view.current.value?.id).toBe('modal');
  });

  it('shows one banner per edge, the next one for that edge when it closes', async () => {
    const model = createModel(fakeHost());
    const top = (id: string, priority: number) => message({ id, display: { style: 'banner' }, priority });
    const bottom = message({ id: 'bottom', display: { style: 'banner', position: 'bottom' } });
    model.update(decision(top('top-low', 0), top('top-high', 5), bottom), []);
    await settle();
    expect(model.view.banners.value.map((m) => m.id)).toEqual(['top-high', 'bottom']);
    model.view.actions.dismiss('top-high');
    expect(model.view.banners.value.map((m) => m.id)).toEqual(['bottom', 'top-low']);
  });

  it('counts a survey styled as a banner as an interruption, as the server does', async () => {
    const model = createModel(fakeHost());
    const survey = message({ id: 'survey', kind: 'survey', display: { style: 'banner' }, priority: 1 });
    model.update(decision(survey, message({ id: 'modal', priority: 9 })), []);
    await settle();
    expect(model.view.current.value?.id).toBe('modal');
    expect(model.view.banners.value).toEqual([]);
    model.view.actions.dismiss('modal');
    expect(model.view.current.value?.id).toBe('survey');
  });

  it('hides a banner when navigation leaves its pages', async () => {
    const model = createModel(fakeHost());
    model.update(
      decision(message({ display: { style: 'banner' }, pages: { include: ['/demo/'], exclude: [] } })),
      [],
    );
    await settle();
    expect(model.view.banners.value).toHaveLength(1);
    history.pushState(null, '', '/demo/rides');
    model.route();
    expect(model.view.banners.value).toEqual([]);
  });

  it('records the dismissal, remembers it, and never records a dismissal after an answer', async () => {
    const host = fakeHost();
    const model = createModel(host);
    const survey = message({ id: 'survey', kind: 'survey', survey: { scale: 'stars5', followUp: true } });
    model.update(decision(survey), []);
    await settle();
    model.view.actions.respond('survey', 4);
    model.view.actions.respond('survey', undefined, 'Nice');
    expect(model.view.current.value?.id).toBe('survey'); // the thank-you still shows
    model.view.actions.dismiss('survey');
    expect(host.record.mock.calls.map(([e]) => [e.type, e.value, e.text])).toEqual([
      ['response', 4, undefined],
      ['response', undefined, 'Nice'],
    ]);
    expect(host.remember).toHaveBeenCalledWith(survey);
    expect(model.view.current.value).toBeNull();
  });

  it('records one impression per showing', async () => {
    const host = fakeHost();
    const model = createModel(host);
    model.update(decision(message()), []);
    await settle();
    model.view.actions.shown('msg_1');
    model.view.actions.shown('msg_1');
    expect(host.record).toHaveBeenCalledTimes(1);
    expect(host.record).toHaveBeenCalledWith({ type: 'impression', messageId: 'msg_1' });
  });

  it('re-checks the page after a delay: no message on the page the user moved to', async () => {
    const model = createModel(fakeHost());
    const delayed = message({
      trigger: { on: 'load', delayMs: 5000 },
      pages: { include: ['/demo/'], exclude: [] },
    });
    model.update(decision(delayed), []);
    await vi.advanceTimersByTimeAsync(2000);
    history.pushState(null, '', '/demo/rides');
    await vi.advanceTimersByTimeAsync(3000);
    expect(model.view.current.value).toBeNull();
  });

  it('hides the current message when navigation leaves its pages', async () => {
    const model = createModel(fakeHost());
    model.update(decision(message({ pages: { include: ['/demo/'], exclude: [] } })), []);
    await settle();
    expect(model.view.current.value?.id).toBe('msg_1');
    history.pushState(null, '', '/demo/rides');
    model.route();
    expect(model.view.current.value).toBeNull();
  });

  it('shows an event-triggered message when the page tracks that event', async () => {
    const model = createModel(fakeHost());
    model.update(decision(message({ trigger: { on: 'event', event: 'reservation_made', delayMs: 0 } })), []);
    await vi.advanceTimersByTimeAsync(1000);
    expect(model.view.current.value).toBeNull();
    model.track('reservation_made');
    await settle();
    expect(model.view.current.value?.id).toBe('msg_1');
  });

  it("tells the page's on() handlers of shows, dismissals and responses, an impression as show", async () => {
    const host = fakeHost();
    const heard: string[] = [];
    host.on = {
      show: [(e) => heard.push(`show ${e?.messageId}`)],
      response: [
        (e) => heard.push(`response ${e?.value}`),
        () => {
          throw new Error('a page handler bug stays inside');
        },
      ],
      dismiss: [(e) => heard.push(`dismiss ${e?.messageId}`)],
    };
    const model = createModel(host);
    model.view.actions.shown('msg_1');
    model.view.actions.respond('msg_1', 4);
    model.view.actions.dismiss('msg_2');
    expect(heard).toEqual(['show msg_1', 'response 4', 'dismiss msg_2']);
  });

  it('shows an event-triggered message for an event tracked before the answer came', async () => {
    const model = createModel(fakeHost());
    const thanks = message({ trigger: { on: 'event', event: 'signed_up', delayMs: 0 } });
    const other = message({ id: 'other', trigger: { on: 'event', event: 'reservation_made', delayMs: 0 } });
    model.update(decision(other, thanks), ['page_viewed', 'signed_up']);
    await settle();
    expect(model.view.current.value?.id).toBe('msg_1');
  });

  it('tells prepare about each message as its trigger is armed, not before', async () => {
    const prepare = vi.fn();
    const model = createModel(fakeHost(), prepare);
    const later = message({ id: 'later', trigger: { on: 'event', event: 'reservation_made', delayMs: 0 } });
    model.update(decision(message({ trigger: { on: 'load', delayMs: 500 } }), later), []);
    expect(prepare.mock.calls.map(([m]) => m.id)).toEqual(['msg_1']);
    model.track('reservation_made');
    expect(prepare.mock.calls.map(([m]) => m.id)).toEqual(['msg_1', 'later']);
  });

  it('shows an element-triggered message once the element appears', async () => {
    const model = createModel(fakeHost());
    model.update(decision(message({ trigger: { on: 'element', selector: '#reserve', delayMs: 0 } })), []);
    await vi.advanceTimersByTimeAsync(1000);
    expect(model.view.current.value).toBeNull();
    addButton();
    await settle();
    expect(model.view.current.value?.id).toBe('msg_1');
  });

  it('attaches a tooltip to an anchor inserted two seconds after load', async () => {
    const model = createModel(fakeHost());
    model.update(decision(tooltip()), []);
    await vi.advanceTimersByTimeAsync(2000);
    expect(model.view.tooltips.value).toEqual([]);
    const button = addButton();
    await settle();
    expect(model.view.tooltips.value).toEqual([
      { message: expect.objectContaining({ id: 'tip' }), anchor: button },
    ]);
  });

  it('gives up on an anchor that never comes, showing nothing', async () => {
    const model = createModel(fakeHost());
    model.update(decision(tooltip()), []);
    await vi.advanceTimersByTimeAsync(10_000);
    addButton();
    await settle();
    expect(model.view.tooltips.value).toEqual([]);
  });

  it('moves a tooltip to the new anchor when the app re-renders it', async () => {
    const model = createModel(fakeHost());
    const first = addButton();
    model.update(decision(tooltip()), []);
    await settle();
    expect(model.view.tooltips.value[0]?.anchor).toBe(first);
    first.remove();
    const second = addButton();
    await settle();
    expect(model.view.tooltips.value.map((t) => t.anchor)).toEqual([second]);
  });

  it('follows navigation: a tooltip for another page leaves, the new decision brings its own', async () => {
    const model = createModel(fakeHost());
    addButton();
    const home = tooltip({ id: 'home', pages: { include: ['/demo/'], exclude: [] } });
    const reserve = tooltip({ id: 'reserve', pages: { include: ['/demo/reserve'], exclude: [] } });
    model.update(decision(home), []);
    await settle();
    expect(model.view.tooltips.value.map((t) => t.message.id)).toEqual(['home']);
    history.pushState(null, '', '/demo/reserve');
    model.route();
    expect(model.view.tooltips.value).toEqual([]);
    model.update(decision(reserve), []);
    await settle();
    expect(model.view.tooltips.value.map((t) => t.message.id)).toEqual(['reserve']);
  });

  it('records a click and navigates only to web URLs', async () => {
    const host = fakeHost();
    const model = createModel(host);
    const assign = vi.spyOn(location, 'assign').mockImplementation(() => {});
    model.update(decision(message()), []);
    await settle();
    model.view.actions.click('msg_1', 'javascript:alert(1)');
    expect(assign).not.toHaveBeenCalled();
    expect(host.record).toHaveBeenCalledWith({ type: 'click', messageId: 'msg_1' });
    model.view.actions.click('msg_1', '/demo/reserve');
    expect(assign).toHaveBeenCalledWith('/demo/reserve');
    assign.mockRestore();
  });

  it('never lets an action throw into the page', () => {
    const host = fakeHost();
    host.record.mockImplementation(() => {
      throw new Error('boom');
    });
    const model = createModel(host);
    expect(() => model.view.actions.dismiss('x')).not.toThrow();
  });

  it('loads the feed when it opens, and marks posts read', async () => {
    const host = fakeHost();
    const post = {
      id: 'p1',
      content: message().content,
      locale: 'en',
      rtl: false,
      publishedAt: '2026-11-01T00:00:00Z',
      read: false,
    };
    host.feed = vi.fn(async () => ({ posts: [post], unread: 1 }));
    const model = createModel(host);
    model.update({ ...decision(), feedUnread: 1 }, []);
    expect(model.view.feed.launcher.value).toBe(true);
    model.openFeed();
    expect(model.view.feed.loading.value).toBe(true);
    await settle();
    expect(model.view.feed.posts.value).toEqual([post]);
    model.view.actions.feedSeen(['p1']);
    model.view.actions.feedSeen(['p1']);
    expect(model.view.feed.unread.value).toBe(0);
    expect(host.record).toHaveBeenCalledTimes(1);
    expect(host.record).toHaveBeenCalledWith({ type: 'impression', messageId: 'p1' });
  });
});
