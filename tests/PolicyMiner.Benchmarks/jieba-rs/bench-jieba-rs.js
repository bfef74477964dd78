// jieba-rs through @node-rs/jieba 2.0.3: init ms (load + first cut), MB/s (default mode, HMM on, one cut per
// line, single thread) and peak memory, printed in the same shape as `policyminer bench segment`.
'use strict';
const fs = require('fs');

const file = process.argv[2];
const passes = Number(process.argv[3] || 3);
if (!file || !fs.existsSync(file)) {
  console.error(`usage: node bench-jieba-rs.js FILE [PASSES] (file not found: ${file})`);
  process.exit(2);
}

const t0 = process.hrtime.bigint();
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const jieba = Jieba.withDict(dict);
jieba.cut('青川市高新技术企业研发经费投入强度达到百分之三。', true);
const initMs = Number(process.hrtime.bigint() - t0) / 1e6;

const text = fs.readFileSync(file, 'utf8');
const bytes = fs.statSync(file).size;
const lines = text.split(/\r\n|\r|\n/);
const seconds = [];
let tokens = 0;
for (let pass = 0; pass < passes; pass++) {
  tokens = 0;
  const start = process.hrtime.bigint();
  for (const line of lines) {
    if (line.length > 0) {
      tokens += jieba.cut(line, true).length;
    }
  }
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
seconds.sort((a, b) => a - b);
const mb = bytes / 1e6;
console.log(`file          ${file} (${mb.toFixed(2)} MB, ${lines.length} lines, ${tokens} tokens, HMM on)`);
console.log(`init ms       ${initMs.toFixed(1)} (require + dictionary load + first cut)`);
console.log(`MB/s          ${(mb / seconds[0]).toFixed(1)} best, ${(mb / seconds[Math.floor(seconds.length / 2)]).toFixed(1)} median of ${passes}`);
console.log(`peak MiB      ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} (whole process, file held in memory)`);
