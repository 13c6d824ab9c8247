import type { Strings } from './strings.ts';

/** German built-in strings, loaded only for German-speaking users. */
export const de: Strings = {
  close: 'Schließen',
  dismiss: 'Ausblenden',
  submit: 'Senden',
  thanks: 'Danke für Ihr Feedback!',
  feed: 'Neuigkeiten',
  more: 'Erzählen Sie uns mehr (optional)',
  of: '{n} von {max}',
  up: 'Daumen hoch',
  down: 'Daumen runter',
  emoji: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
  low: 'Unwahrscheinlich',
  high: 'Sehr wahrscheinlich',
  unread: '{n} ungelesen',
  react: ['Gefällt mir', 'Feiern', 'Liebe'],
  loading: 'Wird geladen…',
  empty: 'Noch keine Neuigkeiten',
  follow: 'Neuigkeiten per E-Mail oder RSS folgen',
};
