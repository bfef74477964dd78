// Same file, same run: jieba-rs (@node-rs/jieba) vs `policyminer bench segment`, alternating ROUNDS times so
// background load hits both alike; prints the best of each and the ratio. Also the peak RSS of a plain
// `policyminer segment FILE > /dev/null` when /usr/bin/time is available.
// Usage (after `npm install` here and `dotnet build -c Release` at the repo root):
//   node compare.js FILE [ROUNDS]
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const file = process.argv[2];
const rounds = Number(process.argv[3] || 3);
if (!file || !fs.existsSync(file)) {
  console.error('usage: node compare.js FILE [ROUNDS]');
  process.exit(2);
}

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'src', 'PolicyMiner.Cli', 'bin', 'Release', 'net10.0', 'policyminer.dll');
if (!fs.existsSync(cli)) {
  console.error(`not built: ${cli}; run 'dotnet build -c Release' at ${root}`);
  process.exit(2);
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  }
  const number = (label) => Number(new RegExp(`^${label}\\s+([0-9.]+)`, 'm').exec(result.stdout)[1]);
  return { init: number('init ms'), mbs: number('MB/s'), peak: number('peak MiB') };
}

const runners = {
  'jieba-rs (@node-rs/jieba 2.0.3)': () => run(process.execPath, [path.join(__dirname, 'bench-jieba-rs.js'), file]),
  'PolicyMiner.Segmentation': () => run('dotnet', [cli, 'bench', 'segment', file]),
};
const best = {};
for (let round = 0; round < rounds; round++) {
  for (const [name, runner] of Object.entries(runners)) {
    const r = runner();
    const b = best[name] || { init: Infinity, mbs: 0, peak: Infinity };
    best[name] = { init: Math.min(b.init, r.init), mbs: Math.max(b.mbs, r.mbs), peak: Math.min(b.peak, r.peak) };
  }
}

let segmentPeak = 'n/a';
if (fs.existsSync('/usr/bin/time')) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'dotnet', cli, 'segment', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  segmentPeak = `${(kb / 1024).toFixed(1)} MiB`;
}

console.log(`file: ${file} (${(fs.statSync(file).size / 1e6).toFixed(2)} MB), best of ${rounds} alternating rounds, load average ${require('os').loadavg()[0].toFixed(2)}`);
console.log('| segmenter | init ms | MB/s | peak MiB (bench) |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, r] of Object.entries(best)) {
  console.log(`| ${name} | ${r.init.toFixed(1)} | ${r.mbs.toFixed(1)} | ${r.peak.toFixed(1)} |`);
}
const [rs, ours] = Object.values(best);
console.log(`throughput ratio PolicyMiner / jieba-rs: ${(ours.mbs / rs.mbs).toFixed(2)}x`);
console.log(`peak RSS of 'policyminer segment FILE > /dev/null': ${segmentPeak}`);
