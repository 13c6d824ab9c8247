// Sample API answers for the admin's tests.
import type { Message } from '../server/schema/message.ts';
import type { Site } from '../server/schema/site.ts';
import { blankMessage } from './editor/message-draft.ts';

const at = '2026-11-26T10:00:00.000Z';

export const site: Site = {
  id: 'site_1',
  name: 'Scooters',
  publicKey: 'pk_test',
  secret: 'sk_test',
  allowedOrigins: ['https://app.example.com'],
  identityVerification: 'off',
  attention: { maxPerDay: 3, minGapMinutes: 30 },
  theme: { brandColor: '#4f46e5', radius: 12, font: 'system-ui, sans-serif' },
  defaultLocale: 'en',
  webhookUrl: null,
  changelogSlug: null,
  digest: { every: 'off' },
  testUsers: [],
  createdAt: at,
  updatedAt: at,
};

export const message: Message = {
  ...blankMessage(),
  id: 'msg_1',
  siteId: 'site_1',
  version: 0,
  status: 'draft',
  name: 'Reserve ahead',
  content: { en: { title: 'Reserve a scooter ahead', body: 'Up to **30 minutes** ahead.' } },
  compiled: {
    en: {
      title: 'Reserve a scooter ahead',
      body: [{ t: 'p', c: ['Up to ', { t: 'strong', c: ['30 minutes'] }, ' ahead.'] }],
    },
  },
  audience: { city: 'Austin' },
  createdAt: at,
  updatedAt: at,
  publishedAt: null,
};

/** The routes every signed-in page touches. */
export const baseRoutes = {
  'GET /api/sites': [200, { sites: [site] }],
  'GET /api/sites/site_1': [200, site],
  'GET /api/sites/site_1/messages': [200, { messages: [message] }],
  'GET /api/sites/site_1/trends': [200, { days: [], messages: {} }],
  'GET /api/sites/site_1/releases': [200, { releases: [] }],
  'POST /api/sites/site_1/audience-estimate': [200, { matching: 3, known: 10 }],
  'GET /api/messages/msg_1': [200, message],
} satisfies Record<string, [number, unknown]>;
