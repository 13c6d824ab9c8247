import { randomUUID } from 'node:crypto';
import corpus from '../cases/xss.json';
import {
  type HeraldServer,
  type MessageDraft,
  onEvent,
  surveyDraft,
  type TestSite,
  tooltipDraft,
} from './browser-server.ts';

/** The plain-text payloads of the XSS corpus; the first three serve as title, button label and comment. */
export const texts = corpus.text.map((c) => c.text);
export const [TITLE = '', LABEL = '', COMMENT = ''] = texts;

/** One feed post per markdown case, titled by its case name; shown only in the feed. */
export const feedPosts: MessageDraft[] = corpus.markdown.map((c) => ({
  kind: 'announcement',
  name: `md: ${c.name}`,
  display: { style: 'modal' },
  content: { en: { title: c.name, body: c.markdown } },
  trigger: onEvent('never'),
  feed: true,
}));

/** A modal with a payload for its title and button label, and every markdown case in its body. */
export const modal: MessageDraft = {
  kind: 'announcement',
  name: 'xss modal',
  display: { style: 'modal' },
  content: {
    en: {
      title: TITLE,
      body: corpus.markdown.map((c) => c.markdown).join('\n\n'),
      cta: { label: LABEL, url: '/ok' },
    },
  },
  trigger: onEvent('modal'),
  feed: false,
};

/** A survey asked with a payload, answered with payloads. */
export const survey: MessageDraft = surveyDraft(
  { style: 'slideout' },
  TITLE,
  { scale: 'stars5', followUp: true },
  { name: 'xss survey', trigger: onEvent('survey') },
);

/**
 * Answers a survey as the widget would for `user`: decide first (which serves the survey, with its
 * receipt when the server issues them), then a response event. Returns what `/v1/events` answered.
 */
export async function answerSurvey(
  herald: HeraldServer,
  site: TestSite,
  surveyId: string,
  user: { id: string; traits: Record<string, string> },
  url: string,
  text: string,
) {
  const decided = await herald.api('POST', '/v1/decide', { site: site.publicKey, user, context: { url } });
  const shown = decided.body.messages?.find((m: { id: string }) => m.id === surveyId);
  if (!shown)
    throw new Error(`decide did not serve the survey to ${user.id}: ${JSON.stringify(decided.body)}`);
  const event = {
    id: randomUUID(),
    type: 'response',
    messageId: surveyId,
    ...(shown.receipt ? { receipt: shown.receipt } : {}),
    value: 3,
    text,
    at: new Date().toISOString(),
    user: { id: user.id },
  };
  return herald.api('POST', '/v1/events', { site: site.publicKey, events: [event] });
}

/** A banner titled with a payload. */
export const banner: MessageDraft = {
  kind: 'announcement',
  name: 'xss banner',
  display: { style: 'banner', position: 'top' },
  content: { en: { title: TITLE, body: '' } },
  trigger: onEvent('banner'),
};

/** A tooltip on `#anchor` of the pages under `/xss-tip`, with payloads in its title and body. */
export const tooltip: MessageDraft = tooltipDraft(
  '#anchor',
  { title: TITLE, body: corpus.markdown.map((c) => c.markdown).join('\n\n') },
  '/xss-tip',
  { name: 'xss tooltip' },
);
