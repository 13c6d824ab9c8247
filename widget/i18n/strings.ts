/**
 * The widget's built-in words (buttons, labels, accessible names). Authors write message content; these
 * are the few strings around it. Complete tables only, so a locale never shows a mix of languages.
 */
const en = {
  close: 'Close',
  dismiss: 'Dismiss',
  submit: 'Submit',
  thanks: 'Thank you for your feedback!',
  feed: "What's new",
  more: 'Tell us more (optional)',
  /** A rating choice's accessible name: "4 out of 5". */
  of: '{n} out of {max}',
  up: 'Thumbs up',
  down: 'Thumbs down',
  /** emoji5, from 1 to 5. */
  emoji: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'],
  /** NPS ends: 0 and 10. */
  low: 'Not likely',
  high: 'Very likely',
  unread: '{n} unread',
  /** Feed reactions, in the order of `REACTIONS`. */
  react: ['Like', 'Celebrate', 'Love'],
  loading: 'Loading…',
  empty: 'Nothing new yet',
};

/** The built-in strings of one language. */
export type Strings = typeof en;

const tables: Record<string, Strings> = {
  en,
  de: {
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
  },
  fr: {
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
  },
  es: {
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
  },
  ja: {
    close: '閉じる',
    dismiss: '非表示',
    submit: '送信',
    thanks: 'フィードバックありがとうございます！',
    feed: '新着情報',
    more: '詳しく教えてください（任意）',
    of: '{max}点中{n}点',
    up: '高評価',
    down: '低評価',
    emoji: ['とても不満', '不満', '普通', '満足', 'とても満足'],
    low: '可能性は低い',
    high: '可能性は高い',
    unread: '未読{n}件',
    react: ['いいね', 'お祝い', '大好き'],
    loading: '読み込み中…',
    empty: '新着情報はまだありません',
  },
  ar: {
    close: 'إغلاق',
    dismiss: 'تجاهل',
    submit: 'إرسال',
    thanks: 'شكرًا على ملاحظاتك!',
    feed: 'ما الجديد',
    more: 'أخبرنا بالمزيد (اختياري)',
    of: '{n} من {max}',
    up: 'أعجبني',
    down: 'لم يعجبني',
    emoji: ['غير راضٍ جدًا', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جدًا'],
    low: 'غير محتمل',
    high: 'محتمل جدًا',
    unread: '{n} غير مقروءة',
    react: ['أعجبني', 'احتفال', 'أحببته'],
    loading: 'جارٍ التحميل…',
    empty: 'لا جديد بعد',
  },
};

const language = (locale: string) => locale.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The strings for a BCP 47 locale, by its language, else English.
 *
 * @example strings('de-AT').close // 'Schließen'
 */
export function strings(locale: string): Strings {
  return tables[language(locale)] ?? en;
}

/**
 * Fills `{name}` placeholders.
 *
 * @example format('{n} out of {max}', { n: 4, max: 5 }) // '4 out of 5'
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
}

/**
 * Whether a locale's script runs right to left (Arabic, Hebrew, Persian, Urdu…).
 *
 * @example isRtl('ar-EG') // true
 */
export function isRtl(locale: string): boolean {
  return ['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv'].includes(language(locale));
}
