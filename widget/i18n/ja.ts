import type { Strings } from './strings.ts';

/** Japanese built-in strings, loaded only for Japanese-speaking users. */
export const ja: Strings = {
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
  follow: 'メールまたは RSS で最新情報をフォロー',
};
