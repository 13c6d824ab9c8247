import { chooseLocale } from '../../core/content/locale.ts';

/**
 * The public changelog's own words (navigation, form, answers), in the languages the widget speaks. Posts
 * come in their authors' locales; these frame them in the reader's language, so the page's `lang` is true.
 * `{site}`, `{n}` and `{total}` are filled in by `say`.
 */
const en = {
  changelog: '{site} changelog',
  whatsNew: 'What is new in {site}',
  follow: 'Follow',
  rss: 'RSS feed',
  jsonFeed: 'JSON Feed',
  email: 'Email digest',
  pages: 'Pages',
  newer: 'Newer posts',
  older: 'Older posts',
  pageOf: 'Page {n} of {total}',
  noPosts: 'No posts yet.',
  allPosts: 'All posts',
  getByEmail: 'Get new posts by email',
  address: 'Email address',
  subscribe: 'Subscribe',
  optIn: 'We send a link to confirm first. Every mail has a one-click unsubscribe.',
  back: 'Back to the changelog',
  inbox: 'Check your inbox',
  mailSent: 'If the address can subscribe, a mail with a confirmation link is on its way.',
  confirmTitle: 'Confirm your subscription',
  confirmText: 'One more step: press the button.',
  confirm: 'Confirm my subscription',
  subscribed: 'You are subscribed',
  subscribedText: 'New posts will come by email. Every mail can unsubscribe you.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeText: 'Press the button to get no more mail from this changelog.',
  unsubscribe: 'Unsubscribe',
  unsubscribed: 'You are unsubscribed',
  unsubscribedText: 'You will get no more mail from this changelog.',
  notDone: 'That did not work',
};

export type Words = typeof en;

const de: Words = {
  changelog: '{site}: Neuigkeiten',
  whatsNew: 'Neu bei {site}',
  follow: 'Folgen',
  rss: 'RSS-Feed',
  jsonFeed: 'JSON Feed',
  email: 'E-Mail-Zusammenfassung',
  pages: 'Seiten',
  newer: 'Neuere Beiträge',
  older: 'Ältere Beiträge',
  pageOf: 'Seite {n} von {total}',
  noPosts: 'Noch keine Beiträge.',
  allPosts: 'Alle Beiträge',
  getByEmail: 'Neue Beiträge per E-Mail',
  address: 'E-Mail-Adresse',
  subscribe: 'Abonnieren',
  optIn: 'Sie erhalten zuerst einen Link zur Bestätigung. Jede Mail lässt sich mit einem Klick abbestellen.',
  back: 'Zurück zu den Neuigkeiten',
  inbox: 'Sehen Sie in Ihr Postfach',
  mailSent: 'Wenn die Adresse abonnieren kann, ist eine Mail mit einem Bestätigungslink unterwegs.',
  confirmTitle: 'Abonnement bestätigen',
  confirmText: 'Noch ein Schritt: Drücken Sie den Knopf.',
  confirm: 'Abonnement bestätigen',
  subscribed: 'Sie haben abonniert',
  subscribedText: 'Neue Beiträge kommen per E-Mail. Jede Mail kann Sie abmelden.',
  unsubscribeTitle: 'Abbestellen',
  unsubscribeText: 'Drücken Sie den Knopf, um keine Mails mehr zu erhalten.',
  unsubscribe: 'Abbestellen',
  unsubscribed: 'Sie haben abbestellt',
  unsubscribedText: 'Sie erhalten keine Mails mehr zu diesen Neuigkeiten.',
  notDone: 'Das hat nicht geklappt',
};

const fr: Words = {
  changelog: 'Nouveautés de {site}',
  whatsNew: 'Quoi de neuf chez {site}',
  follow: 'Suivre',
  rss: 'Flux RSS',
  jsonFeed: 'JSON Feed',
  email: 'Résumé par e-mail',
  pages: 'Pages',
  newer: 'Articles plus récents',
  older: 'Articles plus anciens',
  pageOf: 'Page {n} sur {total}',
  noPosts: 'Aucun article pour le moment.',
  allPosts: 'Tous les articles',
  getByEmail: 'Recevoir les nouveaux articles par e-mail',
  address: 'Adresse e-mail',
  subscribe: 'S’abonner',
  optIn: 'Nous envoyons d’abord un lien de confirmation. Chaque e-mail permet de se désabonner en un clic.',
  back: 'Retour aux nouveautés',
  inbox: 'Consultez votre boîte de réception',
  mailSent: 'Si l’adresse peut s’abonner, un e-mail avec un lien de confirmation est en route.',
  confirmTitle: 'Confirmez votre abonnement',
  confirmText: 'Encore une étape : appuyez sur le bouton.',
  confirm: 'Confirmer mon abonnement',
  subscribed: 'Vous êtes abonné',
  subscribedText: 'Les nouveaux articles arriveront par e-mail. Chaque e-mail permet de se désabonner.',
  unsubscribeTitle: 'Se désabonner',
  unsubscribeText: 'Appuyez sur le bouton pour ne plus recevoir d’e-mails.',
  unsubscribe: 'Se désabonner',
  unsubscribed: 'Vous êtes désabonné',
  unsubscribedText: 'Vous ne recevrez plus d’e-mails de ces nouveautés.',
  notDone: 'Cela n’a pas fonctionné',
};

const es: Words = {
  changelog: 'Novedades de {site}',
  whatsNew: 'Qué hay de nuevo en {site}',
  follow: 'Seguir',
  rss: 'Canal RSS',
  jsonFeed: 'JSON Feed',
  email: 'Resumen por correo',
  pages: 'Páginas',
  newer: 'Entradas más recientes',
  older: 'Entradas anteriores',
  pageOf: 'Página {n} de {total}',
  noPosts: 'Todavía no hay entradas.',
  allPosts: 'Todas las entradas',
  getByEmail: 'Recibe las nuevas entradas por correo',
  address: 'Correo electrónico',
  subscribe: 'Suscribirse',
  optIn: 'Primero enviamos un enlace de confirmación. Cada correo permite darse de baja con un clic.',
  back: 'Volver a las novedades',
  inbox: 'Revisa tu bandeja de entrada',
  mailSent: 'Si la dirección puede suscribirse, va en camino un correo con un enlace de confirmación.',
  confirmTitle: 'Confirma tu suscripción',
  confirmText: 'Un paso más: pulsa el botón.',
  confirm: 'Confirmar mi suscripción',
  subscribed: 'Te has suscrito',
  subscribedText: 'Las nuevas entradas llegarán por correo. Cada correo permite darte de baja.',
  unsubscribeTitle: 'Darse de baja',
  unsubscribeText: 'Pulsa el botón para no recibir más correos.',
  unsubscribe: 'Darse de baja',
  unsubscribed: 'Te has dado de baja',
  unsubscribedText: 'No recibirás más correos de estas novedades.',
  notDone: 'No ha funcionado',
};

const ja: Words = {
  changelog: '{site} の更新情報',
  whatsNew: '{site} の新着情報',
  follow: 'フォロー',
  rss: 'RSS フィード',
  jsonFeed: 'JSON Feed',
  email: 'メールダイジェスト',
  pages: 'ページ',
  newer: '新しい投稿',
  older: '以前の投稿',
  pageOf: '{total} ページ中 {n} ページ',
  noPosts: 'まだ投稿はありません。',
  allPosts: 'すべての投稿',
  getByEmail: '新しい投稿をメールで受け取る',
  address: 'メールアドレス',
  subscribe: '登録する',
  optIn: '最初に確認用のリンクをお送りします。どのメールからもワンクリックで解除できます。',
  back: '更新情報に戻る',
  inbox: '受信トレイを確認してください',
  mailSent: '登録できるアドレスであれば、確認リンク付きのメールをお送りしました。',
  confirmTitle: '登録の確認',
  confirmText: 'あと一歩です。ボタンを押してください。',
  confirm: '登録を確認する',
  subscribed: '登録しました',
  subscribedText: '新しい投稿はメールで届きます。どのメールからも解除できます。',
  unsubscribeTitle: '登録解除',
  unsubscribeText: 'ボタンを押すと、今後メールは届きません。',
  unsubscribe: '登録を解除する',
  unsubscribed: '登録を解除しました',
  unsubscribedText: '今後この更新情報のメールは届きません。',
  notDone: 'うまくいきませんでした',
};

const ar: Words = {
  changelog: 'سجل تحديثات {site}',
  whatsNew: 'ما الجديد في {site}',
  follow: 'المتابعة',
  rss: 'موجز RSS',
  jsonFeed: 'JSON Feed',
  email: 'ملخص بالبريد',
  pages: 'الصفحات',
  newer: 'منشورات أحدث',
  older: 'منشورات أقدم',
  pageOf: 'الصفحة {n} من {total}',
  noPosts: 'لا توجد منشورات بعد.',
  allPosts: 'كل المنشورات',
  getByEmail: 'تلقَّ المنشورات الجديدة بالبريد',
  address: 'البريد الإلكتروني',
  subscribe: 'اشترك',
  optIn: 'نرسل أولًا رابطًا للتأكيد. يمكن إلغاء الاشتراك من كل رسالة بنقرة واحدة.',
  back: 'العودة إلى سجل التحديثات',
  inbox: 'تحقق من بريدك الوارد',
  mailSent: 'إن كان العنوان يستطيع الاشتراك، فرسالة برابط التأكيد في الطريق.',
  confirmTitle: 'أكّد اشتراكك',
  confirmText: 'خطوة أخيرة: اضغط الزر.',
  confirm: 'تأكيد اشتراكي',
  subscribed: 'تم اشتراكك',
  subscribedText: 'ستصلك المنشورات الجديدة بالبريد. يمكنك إلغاء الاشتراك من كل رسالة.',
  unsubscribeTitle: 'إلغاء الاشتراك',
  unsubscribeText: 'اضغط الزر لكي لا تصلك رسائل بعد الآن.',
  unsubscribe: 'إلغاء الاشتراك',
  unsubscribed: 'تم إلغاء اشتراكك',
  unsubscribedText: 'لن تصلك رسائل من سجل التحديثات هذا بعد الآن.',
  notDone: 'لم ينجح ذلك',
};

const tables: Record<string, Words> = { en, de, fr, es, ja, ar };

/**
 * The words for a reader: their locale's language if we have it, else the site's, else English.
 *
 * @example wordsFor('de-AT', 'en') // { lang: 'de', words: de }
 */
export function wordsFor(reader: string | undefined, siteLocale: string): { lang: string; words: Words } {
  const available = Object.keys(tables);
  const lang = chooseLocale(available, reader, chooseLocale(available, siteLocale, 'en'));
  return { lang, words: tables[lang] ?? en };
}

/** A phrase with its `{name}` holes filled. */
export function say(phrase: string, values: Record<string, string | number>): string {
  return phrase.replace(/\{(\w+)\}/g, (hole, name: string) => String(values[name] ?? hole));
}
