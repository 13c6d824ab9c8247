import { describe, expect, it, vi } from 'vitest';
import type { ShownMessage } from '../../server/schema/decide.ts';
import { byRole, click, findByRole, freshUi, message, press, update } from './test-kit.ts';

const tip = (hotspot?: boolean): ShownMessage =>
  message({
    id: 'tip_1',
    kind: 'tooltip',
    display: { anchor: '#reserve', placement: 'bottom', hotspot },
    content: { title: 'Reserve ahead', body: [{ t: 'p', c: ['New: plan your ride.'] }] },
  });

/** A page element with a layout box (happy-dom does no layout). */
function anchor(): HTMLElement {
  const el = document.createElement('button');
  el.id = 'reserve';
  el.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 40, width: 80, height: 30 });
  document.body.append(el);
  return el;
}

describe('Tooltip', () => {
  const ui = freshUi();

  /** Shows the tooltip at a new anchor and waits until it is positioned. */
  async function positioned() {
    const el = anchor();
    await update(() => {
      ui.view.tooltips.value = [{ message: tip(), anchor: el }];
    });
    const card = await findByRole(ui.shadow, 'dialog', 'Reserve ahead');
    await vi.waitFor(() => expect(card.style.visibility).toBe('visible'));
    return { el, card };
  }

  it('is positioned at its anchor with the fixed strategy, then counts as shown once', async () => {
    const { card } = await positioned();
    expect(card.style.top).toMatch(/px$/);
    expect(['bottom', 'top']).toContain(card.dataset.side); // flip may choose top: happy-dom has no viewport size
    expect(ui.view.actions.shown.mock.calls).toEqual([['tip_1']]);
  });

  it('follows its anchor when the page scrolls', async () => {
    const { el, card } = await positioned();
    const top = card.style.top;
    el.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 240, width: 80, height: 30 });
    document.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(card.style.top).not.toBe(top));
  });

  it('hides, without throwing, when its anchor is removed', async () => {
    const { el, card } = await positioned();
    el.remove();
    window.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(card.style.visibility).toBe('hidden'));
  });

  it('starts as a pulsing hotspot named by the title that opens the tooltip', async () => {
    const el = anchor();
    await update(() => {
      ui.view.tooltips.value = [{ message: tip(true), anchor: el }];
    });
    const dot = await findByRole(ui.shadow, 'button', 'Reserve ahead');
    expect(dot.classList.contains('hotspot')).toBe(true);
    await vi.waitFor(() => expect(dot.style.visibility).toBe('visible'));
    expect(ui.view.actions.shown).not.toHaveBeenCalled();
    await click(dot);
    const card = await findByRole(ui.shadow, 'dialog', 'Reserve ahead');
    await vi.waitFor(() => expect(ui.view.actions.shown).toHaveBeenCalledWith('tip_1'));
    expect(card.style.visibility).toBe('visible');
  });

  it('dismisses with its close button and Escape', async () => {
    const el = anchor();
    await update(() => {
      ui.view.tooltips.value = [{ message: tip(), anchor: el }];
    });
    const card = await findByRole(ui.shadow, 'dialog', 'Reserve ahead');
    await click(byRole(card, 'button', 'Close'));
    await press(card, 'Escape');
    expect(ui.view.actions.dismiss.mock.calls).toEqual([['tip_1'], ['tip_1']]);
  });
});
