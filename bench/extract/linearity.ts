// Part of `npm run bench -- extract`: extractAll on growing documents (nested
// tables, many tables, long tables, deep blocks; text with many sections and
// lines), time per size and the ratio per 4× growth. The meta-test
// (packages/extract/test/linearity.test.ts) fails above 8×.
import { performance } from 'node:perf_hooks';
import { extractAll } from '@nianbao/extract/node';
import { grown, type Shape } from '../../packages/extract/test/grow.ts';

const SIZES = (process.argv[2] ?? '250,1000,4000').split(',').map(Number);
const only = process.argv[3]?.split(',');
const SHAPES: Shape[] = [
  'nested',
  'tables',
  'rows',
  'depth',
  'sections',
  'text-sections',
  'text-lines',
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let salt = 0;

console.log(`extractAll, median of 3, sizes ${SIZES.join(' / ')} (ms), ratio of the last two`);
for (const shape of SHAPES) {
  if (only && !only.includes(shape)) continue;
  await extractAll(grown(shape, 10, 'warm'));
  const times: number[] = [];
  for (const n of SIZES) {
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const input = grown(shape, n, `#${salt++}`);
      const t0 = performance.now();
      await extractAll(input);
      runs.push(performance.now() - t0);
    }
    times.push(median(runs));
  }
  const ratio = times.at(-1)! / Math.max(times.at(-2)!, 0.05);
  console.log(
    `${shape.padEnd(14)} ${times.map((t) => t.toFixed(1).padStart(9)).join(' ')}  ${ratio.toFixed(1)}×`,
  );
}
