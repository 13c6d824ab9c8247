import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { CompiledContent } from './content.ts';
import { DecideRequest } from './decide.ts';

/** POST /v1/feed: the changelog this user may see. The same body as decide's: the widget sends one for both. */
export const FeedRequest = DecideRequest;
export type FeedRequest = z.infer<typeof FeedRequest>;

export const FeedPost = z.object({
  id: Id,
  content: CompiledContent,
  locale: z.string(),
  rtl: z.boolean(),
  publishedAt: Timestamp,
  /** The user has had an impression of this post already. */
  read: z.boolean(),
  /** As a decide answer's message receipt: sent back with the post's impression and reaction events. */
  receipt: z.string().optional(),
});
export type FeedPost = z.infer<typeof FeedPost>;

export const FeedResponse = z.object({
  posts: z.array(FeedPost),
  unread: z.number().int().min(0),
  /**
   * Where to follow the site's public changelog (its subscribe form when the email digest is offered, else
   * the page with its feeds); absent when the site has no public changelog.
   */
  subscribeUrl: z.string().optional(),
});
export type FeedResponse = z.infer<typeof FeedResponse>;
