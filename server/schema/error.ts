import { z } from 'zod';

/** Every 4xx/5xx body: a stable machine code and a sentence for people. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Per-field problems, keyed by dotted path, so a form can show them beside the field. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
