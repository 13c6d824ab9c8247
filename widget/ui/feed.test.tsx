import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedPost } from '../../server/schema/feed.ts';
import { allByRole, byRole, click, type FakeView, fakeView, focused, mount, press, update } from './test-kit.ts';

const post = (id: string, read: boolean): FeedPost => ({
  id,
  content: { title: `Post ${id}`, body: [{ t: 'p', c: [`About ${id}`] }] },
  locale: 'en',
  rtl: false,
  publishedAt: '2026-11-20T10:00:00Z',
  read,
});

describe('Feed launcher and panel', () => {
  let view: FakeView;
  let shadow: ShadowRoot;
  beforeEach(async () => {
    view = fakeView();
    shadow = await mount(view);
  });

  it('shows a launcher whose name includes the unread count, and opens the feed', async () => {
    await update(() => {
      view.feed.launcher.value = true;
      view.feed.unread.value = 3;
    });
    const launcher = byRole(shadow, 'button', "What's new, 3 unread");
    expect(launcher.querySelector('.ub')?.textContent).toBe('3');
    await click(launcher);
    expect(view.actions.openFeed).toHaveBeenCalled();
    await update(() => {
      view.feed.unread.value = 0;
    });
    expect(byRole(shadow, 'button', "What's new").querySelector('.ub')).toBeNull();
  });

  it('has no launcher when the runtime hides it', () => {
    expect(allByRole(shadow, 'button')).toEqual([]);
  });

  it('opens a dialog named "What\'s new" with the posts, reports the unread ones as seen', async () => {
    await update(() => {
      view.feed.posts.value = [post('p1', false), post('p2', true)];
      view.feed.open.value = true;
    });
    const panel = byRole(shadow, 'dialog', "What's new");
    expect(allByRole(panel, 'listitem').map((li) => li.querySelector('h3')?.textContent)).toEqual([
      'Post p1',
      'Post p2',
    ]);
    expect(panel.textContent).toContain('About p1');
    expect(view.actions.feedSeen.mock.calls).toEqual([[['p1']]]);
  });

  it('sends a named reaction once and shows it as pressed', async () => {
    await update(() => {
      view.feed.posts.value = [post('p1', true)];
      view.feed.open.value = true;
    });
    const like = byRole(shadow, 'button', 'Like');
    expect(allByRole(shadow, 'button').map((b) => b.getAttribute('aria-label'))).toContain('Celebrate');
    await click(like);
    await click(like);
    expect(view.actions.react.mock.calls).toEqual([['p1', '👍']]);
    expect(byRole(shadow, 'button', 'Like').getAttribute('aria-pressed')).toBe('true');
  });

  it('closes on Escape and on its close button, giving focus back to the launcher', async () => {
    await update(() => {
      view.feed.launcher.value = true;
    });
    const launcher = byRole(shadow, 'button', "What's new");
    launcher.focus();
    await update(() => {
      view.feed.open.value = true;
    });
    const panel = byRole(shadow, 'dialog', "What's new");
    expect(focused(shadow)).toBe(panel);
    await press(panel, 'Escape');
    await click(byRole(panel, 'button', 'Close'));
    expect(view.actions.closeFeed).toHaveBeenCalledTimes(2);
    await update(() => {
      view.feed.open.value = false;
    });
    expect(focused(shadow)).toBe(launcher);
  });

  it('says it is loading, then that there is nothing new', async () => {
    await update(() => {
      view.feed.loading.value = true;
      view.feed.open.value = true;
    });
    expect(byRole(shadow, 'dialog', "What's new").textContent).toContain('Loading…');
    await update(() => {
      view.feed.loading.value = false;
    });
    expect(byRole(shadow, 'dialog', "What's new").textContent).toContain('Nothing new yet');
  });
});
