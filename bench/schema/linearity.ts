// Part of `npm run bench -- schema`: each rule alone on growing reports (many
// sections; long sections with many sub-headings), time per size and the ratio
// per 4× growth. A near-linear rule stays near 4×; the meta-test
// (packages/schema/test/linearity.test.ts) fails above 8×.
import { performance } from 'node:perf_hooks';
import { check, rules } from '@nianbao/schema';
import { grownReport, type Shape } from '../../packages/schema/test/grow.ts';

const SIZES = (process.argv[2] ?? '500,2000,8000').split(',').map(Number);
const only = process.argv[3]?.split(',');
let salt = 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`rule alone, median of 3, sizes ${SIZES.join(' / ')} (ms), ratio of the last two`);
for (const shape of ['sections', 'text'] as Shape[]) {
  for (const format of ['2019', '2021'] as const) {
    for (const rule of rules) {
      if (only && !only.includes(rule.meta.id)) continue;
      if (!rule.meta.formats.includes(format)) continue;
      const times = SIZES.map((n) =>
        median(
          [0, 1, 2].map(() => {
            const { report, options } = grownReport(format, n, shape, `s${salt++}`);
            const t0 = performance.now();
            check(report, { ...options, rules: [rule.meta.id] });
            return performance.now() - t0;
          }),
        ),
      );
      const ratio = times.at(-1)! / Math.max(times.at(-2)!, 0.05);
      console.log(
        `${shape.padEnd(8)} ${format} ${rule.meta.id.padEnd(26)} ${times.map((t) => t.toFixed(1).padStart(8)).join(' ')}  ${ratio.toFixed(1)}×`,
      );
    }
  }
}
