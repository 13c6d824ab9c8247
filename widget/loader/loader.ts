import { boot } from './boot.ts';

/** The surfaces chunk's hashed file name, injected by `scripts/build-widget.ts`. */
declare const __HERALD_UI__: string;

boot(__HERALD_UI__);
