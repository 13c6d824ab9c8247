/** The four lines of the chart and of its table. */
export const LINES = [
  ['impressions', 'Impressions', '#4f46e5'],
  ['clicks', 'Clicks', '#0891b2'],
  ['dismissals', 'Dismissals', '#d97706'],
  ['responses', 'Responses', '#059669'],
] as const;
