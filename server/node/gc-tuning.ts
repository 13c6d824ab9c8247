import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by `main.ts`: V8's allocation-site pretenuring is off for the server.
 *
 * Under a burst, requests wait in line long enough that what they allocate survives a young collection, and
 * V8 then allocates objects from those allocation sites straight into the old generation ("pretenuring"). It
 * kept doing so after the burst, when the same objects died young again: at half of peak, right after the
 * peak run, the heap swelled from ~42 MB to 160–196 MB between full mark-compacts, one every few seconds
 * (`--trace-gc`, 2026-12-04); without pretenuring it peaked at 57–105 MB. A decide's objects (its request,
 * verdicts, answer) live for one request: young collections suit them. On decide's p99 at half of peak alone
 * the effect was within this machine's run-to-run noise (over 20 ms in 11 of 17 runs with it, 8 of 17
 * without); README's Speed section has the figures with the bench's other fix.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
