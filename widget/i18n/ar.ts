import type { Strings } from './strings.ts';

/** Arabic built-in strings, loaded only for Arabic-speaking users. */
export const ar: Strings = {
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
  follow: 'تابع التحديثات بالبريد أو RSS',
};
