import { describe, expect, it, vi } from 'vitest';
import type { ShownMessage } from '../../server/schema/decide.ts';
import { frameOf, loaded, part, preload } from './chunks.ts';
import { message } from './test-kit.ts';

const survey = (style: 'modal' | 'banner' | 'slideout') =>
  message({ kind: 'survey', display: { style }, survey: { scale: 'stars5', followUp: false } });

describe('surface chunks', () => {
  it.each([
    ['a modal announcement', message(), 'modal'],
    ['a banner', message({ display: { style: 'banner', position: 'bottom' } }), 'banner'],
    ['a survey asked as a banner', survey('banner'), 'slideout'],
    ['a survey in a modal', survey('modal'), 'modal'],
  ] as [string, ShownMessage, string][])('draws %s in its frame', (_, m, frame) => {
    expect(frameOf(m)).toBe(frame);
  });

  it('downloads a message’s frame and body together, before it shows', async () => {
    preload(survey('slideout'));
    await vi.dynamicImportSettled();
    await Promise.resolve();
    expect(loaded.value.slideout?.name).toBe('Slideout');
    expect(loaded.value.survey?.name).toBe('Survey');
    expect(loaded.value.modal).toBeUndefined();
  });

  it('downloads a tooltip with its positioning library', async () => {
    preload(message({ kind: 'tooltip', display: { anchor: '#reserve', placement: 'bottom' } }));
    await vi.dynamicImportSettled();
    await Promise.resolve();
    expect(loaded.value.tooltip?.name).toBe('Tooltip');
    expect(typeof loaded.value.position?.computePosition).toBe('function');
  });

  it('hands out a chunk once it has arrived, and nothing before', async () => {
    expect(part('banner')).toBeUndefined();
    await vi.dynamicImportSettled();
    await Promise.resolve();
    expect(part('banner')?.name).toBe('Banner');
  });

  it('downloads an announcement’s body beside its frame, as a chunk of its own', async () => {
    preload(message({ display: { style: 'slideout' } }));
    await vi.dynamicImportSettled();
    await Promise.resolve();
    expect(loaded.value.announcement?.name).toBe('Announcement');
  });
});
