import { readFtmFile } from './src/modules/entities/ftm-reader.js';
import { validateFtmEntity } from './src/modules/entities/ftm-validation.js';
let t = Date.now(); let n = 0;
for await (const item of readFtmFile('/tmp/wb-bench/reg.jsonl')) { n++; }
console.log('read+parse', n, Date.now() - t, 'ms');
t = Date.now(); n = 0;
for await (const item of readFtmFile('/tmp/wb-bench/reg.jsonl')) { if ('value' in item) { const v = validateFtmEntity(item.value); if (v.ok) n++; } }
console.log('read+validate', n, Date.now() - t, 'ms');
