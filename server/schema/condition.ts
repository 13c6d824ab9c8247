import { z } from 'zod';

/** A MongoDB-style audience condition over user traits; `{}` matches everyone. Structure is checked by core's conditionProblems on save. */
export const Condition = z.record(z.string(), z.unknown());
export type Condition = z.infer<typeof Condition>;
