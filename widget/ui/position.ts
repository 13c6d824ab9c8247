/**
 * The part of `@floating-ui/dom` the tooltip uses, in a module of its own: the tooltip and the preload
 * (`chunks.ts`) both import this one, so the positioning chunk holds these functions only, where a
 * dynamic import of the library itself would keep every export.
 */
export { arrow, computePosition, flip, offset, shift } from '@floating-ui/dom';
