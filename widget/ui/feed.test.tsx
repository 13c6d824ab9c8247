import { describe, expect, it } from 'vitest';
import type { FeedPost } from '../../server/schema/feed.ts';
import {
  allByRole,
  byRole,
  click,
  findByRole,
  focused,
  freshUi,
  message,
  press,
  show,
  update,
} from './test-kit.ts';

const post = (id: string, read: boolean): FeedPost => ({
  id,
  content: { title: `Post ${id}`, body: [{ t: 'p', c: [`About ${id}`] }] },
  locale: 'en',
  rtl: false,
  publishedAt: '2026-11-20T10:00:00Z',
  read,
});

describe('Feed launcher and panel', () => {
  const ui = freshUi();

  it('shows a launcher whose name includes the unread count, and opens the feed', async () => {
    await update(() => {
      ui.view.feed.launcher.value = true;
      ui.view.feed.unread.value = 3;
    });
    const launcher = byRole(ui.shadow, 'button', "What's new, 3 unread");
    expect(launcher.querySelector('.badge')?.textContent).toBe('3');
    await click(launcher);
    expect(ui.view.actions.openFeed).toHaveBeenCalled();
    await update(() => {
      ui.view.feed.unread.value = 0;
    });
    expect(byRole(ui.shadow, 'button', "What's new").querySelector('.badge')).toBeNull();
  });

  it('has no launcher when the runtime hides it', () => {
    expect(allByRole(ui.shadow, 'button')).toEqual([]);
  });

  it('opens a dialog named "What\'s new" with the posts, reports the unread ones as seen', async () => {
    await update(() => {
      ui.view.feed.posts.value = [post('p1', false), post('p2', true)];
      ui.view.feed.open.value = true;
    });
    const panel = await findByRole(ui.shadow, 'dialog', "What's new");
    expect(allByRole(panel, 'listitem').map((li) => li.querySelector('h3')?.textContent)).toEqual([
      'Post p1',
      'Post p2',
    ]);
    expect(panel.textContent).toContain('About p1');
    expect(ui.view.actions.feedSeen.mock.calls).toEqual([[['p1']]]);
  });

  it('sits above a slide-out card it would cover, and back down once the card is gone', async () => {
    // happy-dom does no layout: the card is 280px tall in the bottom corner, the panel right above the launcher.
    const rects: Record<string, DOMRect> = {
      slideout: DOMRect.fromRect({ x: 900, y: 440, width: 360, height: 280 }),
      panel: DOMRect.fromRect({ x: 880, y: 100, width: 380, height: 620 }),
    };
    const original = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      return rects[[...this.classList].find((c) => c in rects) ?? ''] ?? original.call(this);
    };
    try {
      await show(ui.view, message({ id: 'srv_1', kind: 'survey', display: { style: 'slideout' } }));
      await update(() => {
        ui.view.feed.open.value = true;
      });
      const panel = await findByRole(ui.shadow, 'dialog', "What's new");
      expect(panel.style.bottom).toBe(`${innerHeight - 440 + 12}px`);
      expect(panel.style.maxHeight).toBe('416px');
      await show(ui.view, null);
      expect(panel.style.bottom).toBe('');
    } finally {
      HTMLElement.prototype.getBoundingClientRect = original;
    }
  });

  it('sends a named reaction once and shows it as pressed', async () => {
    await update(() => {
      ui.view.feed.posts.value = [post('p1', true)];
      ui.view.feed.open.value = true;
    });
    const like = await findByRole(ui.shadow, 'button', 'Like');
    expect(allByRole(ui.shadow, 'button').map((b) => b.getAttribute('aria-label'))).toContain('Celebrate');
    await click(like);
    await click(like);
    expect(ui.view.actions.react.mock.calls).toEqual([['p1', '👍']]);
    expect(byRole(ui.shadow, 'button', 'Like').getAttribute('aria-pressed')).toBe('true');
  });

  it('closes on Escape and on its close button, giving focus back to the launcher', async () => {
    await update(() => {
      ui.view.feed.launcher.value = true;
    });
    const launcher = byRole(ui.shadow, 'button', "What's new");
    launcher.focus();
    await update(() => {
      ui.view.feed.open.value = true;
    });
    const panel = await findByRole(ui.shadow, 'dialog', "What's new");
    expect(focused(ui.shadow)).toBe(panel);
    await press(panel, 'Escape');
    await click(byRole(panel, 'button', 'Close'));
    expect(ui.view.actions.closeFeed).toHaveBeenCalledTimes(2);
    await update(() => {
      ui.view.feed.open.value = false;
    });
    expect(focused(ui.shadow)).toBe(launcher);
  });

  it('says it is loading, then that there is nothing new', async () => {
    await update(() => {
      ui.view.feed.loading.value = true;
      ui.view.feed.open.value = true;
    });
    expect((await findByRole(ui.shadow, 'dialog', "What's new")).textContent).toContain('Loading…');
    await update(() => {
      ui.view.feed.loading.value = false;
    });
    expect(byRole(ui.shadow, 'dialog', "What's new").textContent).toContain('Nothing new yet');
  });

  it('links to the site’s public changelog to follow it, in a new tab, only when there is one', async () => {
    await update(() => {
      ui.view.feed.posts.value = [post('p1', true)];
      ui.view.feed.open.value = true;
    });
    const panel = await findByRole(ui.shadow, 'dialog', "What's new");
    expect(allByRole(panel, 'link')).toEqual([]);
    await update(() => {
      (ui.view.feed.follow as { value: string | undefined }).value =
        'https://h.test/changelog/zipp#subscribe';
    });
    const link = byRole(panel, 'link', 'Follow updates by email or RSS');
    expect(link.getAttribute('href')).toBe('https://h.test/changelog/zipp#subscribe');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});
