import type { Strings } from './strings.ts';

/** Spanish built-in strings, loaded only for Spanish-speaking users. */
export const es: Strings = {
  close: 'Cerrar',
  dismiss: 'Descartar',
  submit: 'Enviar',
  thanks: '¡Gracias por tu opinión!',
  feed: 'Novedades',
  more: 'Cuéntanos más (opcional)',
  of: '{n} de {max}',
  up: 'Pulgar arriba',
  down: 'Pulgar abajo',
  emoji: ['Muy insatisfecho', 'Insatisfecho', 'Neutral', 'Satisfecho', 'Muy satisfecho'],
  low: 'Poco probable',
  high: 'Muy probable',
  unread: '{n} sin leer',
  react: ['Me gusta', 'Celebrar', 'Me encanta'],
  loading: 'Cargando…',
  empty: 'Aún no hay novedades',
  follow: 'Seguir las novedades por correo o RSS',
};
