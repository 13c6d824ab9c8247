import { boot } from './boot.ts';

/** The surfaces entry's hashed file name, written in by the build (`vite.config.ts`). */
declare const __HERALD_UI__: string;

boot(__HERALD_UI__);
