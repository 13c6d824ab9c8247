import type { z } from 'zod';
import type { MessageInput } from '../schema/message.ts';
import type { ReleaseInput } from '../schema/release.ts';

/** The demo site's fixed public key, so the demo page can embed it without configuration. */
export const DEMO_KEY = 'pk_demo';

/** A scooter-rental company piloting "reserve ahead" in Austin before Texas and everyone. */
export const demoRelease: ReleaseInput = {
  key: 'reserve-ahead',
  name: 'Reserve ahead',
  phases: [
    { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 100 },
    { name: 'Texas', audience: { city: { $in: ['Austin', 'Dallas', 'Houston'] } }, percent: 50 },
    { name: 'Everyone', audience: {}, percent: 100 },
  ],
  holdoutPercent: 5,
  goal: { event: 'reservation_made' },
  guardrails: { minResponses: 20, minAverageRating: 3.5, maxDismissRate: 0.6 },
  autoAdvance: { afterHours: 72, minResponses: 50, minAverageRating: 4 },
};

/**
 * One message per kind, plus changelog posts. `release: true` attaches the message to the demo release.
 * Each states only what differs from `MessageInput`'s defaults (everyone, every page, at load, until
 * dismissed, no schedule, full rollout, priority 0, not in the feed): seeding parses it, like the API.
 */
export const demoMessages: (Omit<z.input<typeof MessageInput>, 'releaseId'> & { release?: boolean })[] = [
  {
    kind: 'announcement',
    name: 'Reserve ahead — Austin launch',
    display: { style: 'modal' },
    content: {
      en: {
        title: 'Reserve a scooter ahead',
        body: 'Austin riders first: reserve a scooter up to **30 minutes** ahead and it waits for you.\n\n- Pick it on the map\n- Tap *Reserve*\n- Ride when you get there',
        cta: { label: 'Try it', url: '/demo/reserve' },
      },
      de: {
        title: 'Roller im Voraus reservieren',
        body: 'Zuerst in Austin: Reserviere einen Roller bis zu **30 Minuten** im Voraus.',
        cta: { label: 'Ausprobieren', url: '/demo/reserve' },
      },
    },
    audience: { city: 'Austin' },
    pages: { include: ['/demo*'] },
    trigger: { on: 'load', delayMs: 500 },
    priority: 10,
    feed: true,
    release: true,
  },
  {
    kind: 'tooltip',
    name: 'Reserve button tip',
    display: { anchor: '#reserve', placement: 'bottom', hotspot: true },
    content: { en: { title: 'New: reserve ahead', body: 'Hold a scooter for 30 minutes.' } },
    audience: { city: 'Austin' },
    pages: { include: ['/demo', '/demo/'] },
    release: true,
  },
  {
    kind: 'survey',
    name: 'How was reserving ahead?',
    display: { style: 'slideout' },
    content: {
      en: { title: 'How was reserving ahead?', body: '' },
      de: { title: 'Wie war die Reservierung?', body: '' },
    },
    survey: { scale: 'stars5', followUp: true },
    audience: { city: 'Austin' },
    pages: { include: ['/demo*'] },
    trigger: { on: 'event', event: 'reservation_made', delayMs: 1000 },
    priority: 5,
    release: true,
  },
  {
    kind: 'announcement',
    name: 'Winter pricing banner',
    display: { style: 'banner', position: 'bottom' },
    content: { en: { title: 'Winter rates: 20% off night rides until March.', body: '' } },
    priority: 1,
  },
  {
    kind: 'announcement',
    name: 'Changelog: ride history export',
    display: { style: 'slideout' },
    content: {
      en: {
        title: 'Export your ride history',
        body: 'Download every ride as CSV from **Rides → Export**. Handy for expense reports.',
      },
    },
    pages: { include: ['/nowhere'] },
    frequency: { mode: 'once' },
    feed: true,
  },
];
