import { z } from 'zod';

/**
 * The safe content tree: what markdown compiles to on save and what the widget renders with Preact.
 * It has no HTML and no attributes but the ones listed, so author content can never inject markup.
 * Node tags are short (`t`) because every decide response carries them.
 */

/** Inline content: plain text, emphasis, code, a link (http(s) or relative), an image (https), a line break. */
export type Inline =
  | string
  | { t: 'em' | 'strong'; c: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'a'; href: string; c: Inline[] }
  | { t: 'img'; src: string; alt: string }
  | { t: 'br' };

/** Block content: paragraph, heading (levels 1–4), list, code block. */
export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: 1 | 2 | 3 | 4; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Block[][] }
  | { t: 'pre'; text: string };

export const Inline: z.ZodType<Inline> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.object({ t: z.enum(['em', 'strong']), c: z.array(Inline) }),
      z.object({ t: z.literal('code'), text: z.string() }),
      z.object({ t: z.literal('a'), href: z.string(), c: z.array(Inline) }),
      z.object({ t: z.literal('img'), src: z.string(), alt: z.string() }),
      z.object({ t: z.literal('br') }),
    ]),
  )
  .meta({ id: 'Inline' }); // an id gives the recursion a name in the OpenAPI document (a `$ref`)

export const Block: z.ZodType<Block> = z
  .lazy(() =>
    z.union([
      z.object({ t: z.literal('p'), c: z.array(Inline) }),
      z.object({
        t: z.literal('h'),
        level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        c: z.array(Inline),
      }),
      z.object({ t: z.enum(['ul', 'ol']), items: z.array(z.array(Block)) }),
      z.object({ t: z.literal('pre'), text: z.string() }),
    ]),
  )
  .meta({ id: 'Block' });

/** A call to action: a button label and where it goes (http(s) or a relative URL). */
export const Cta = z.object({
  label: z.string().min(1).max(80),
  url: z.string().min(1).max(2000),
});
export type Cta = z.infer<typeof Cta>;

/** One locale's content as an author writes it: markdown body. */
export const LocalizedContentInput = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(20_000).default(''),
  cta: Cta.optional(),
});
export type LocalizedContentInput = z.infer<typeof LocalizedContentInput>;

/** One locale's content as the widget receives it: the body compiled to the safe tree. */
export const CompiledContent = z.object({
  title: z.string(),
  body: z.array(Block),
  cta: Cta.optional(),
});
export type CompiledContent = z.infer<typeof CompiledContent>;

/** Locale tag → content, e.g. `{ en: {…}, de: {…} }`. */
export const ContentByLocale = z.record(
  z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/),
  LocalizedContentInput,
);
export type ContentByLocale = z.infer<typeof ContentByLocale>;
