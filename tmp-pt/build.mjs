import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
const r = await build({ configFile: false, root: '/work/main', logLevel: 'warn', build: { write: false, target: 'es2022', lib: { entry: '/work/main/tmp-pt/a.js', formats: ['es'] }, rolldownOptions: { output: { minify: true, comments: false } } } });
const code = r[0].output[0].code;
writeFileSync('/tmp/pt/out-a.js', code);
console.log(code.length, gzipSync(code, { level: 9 }).length);
