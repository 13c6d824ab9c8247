import type { Strings } from './strings.ts';

/** French built-in strings, loaded only for French-speaking users. */
export const fr: Strings = {
  close: 'Fermer',
  dismiss: 'Ignorer',
  submit: 'Envoyer',
  thanks: 'Merci pour votre avis !',
  feed: 'Nouveautés',
  more: 'Dites-nous en plus (facultatif)',
  of: '{n} sur {max}',
  up: 'Pouce levé',
  down: 'Pouce baissé',
  emoji: ['Très mécontent', 'Mécontent', 'Neutre', 'Content', 'Très content'],
  low: 'Peu probable',
  high: 'Très probable',
  unread: '{n} non lus',
  react: ['J’aime', 'Bravo', 'J’adore'],
  loading: 'Chargement…',
  empty: 'Rien de nouveau pour l’instant',
  follow: 'Suivre les nouveautés par e-mail ou RSS',
};
