/**
 * The hostile loads of issue 11 against a running server (figures, never pass/fail):
 * for each, the answers' statuses and times, /healthz latency (p50/p99/max) polled
 * meanwhile, a third client's /check of a corpus page, and the server's peak RSS and
 * RSS afterwards.
 */
import { readFileSync } from 'node:fs';
import { corpusPath } from '../../tests/corpus.ts';
import {
  docxBomb,
  manyHeadings,
  manySections,
  nestedTables,
  oversizedBatch,
  rssMiB,
  send,
  watch,
} from './hostile-inputs.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface HostileFigure {
  load: string;
  statuses: number[];
  answerMs: number[];
  healthP50: number;
  healthP99: number;
  healthMax: number;
  thirdClientMs: number | undefined;
  peakRss: number;
  rssAfter: number;
}

type Answers = Promise<Array<{ status: number; ms: number }>>;
/** `prepare` builds the input (before any timing starts) and returns what sends it. */
type Load = { name: string; prepare(): (base: string) => Answers };

export function hostileLoads(): Load[] {
  const seed = JSON.parse(
    readFileSync(
      new URL('../../packages/schema/test/fixtures/seed-2020.report.json', import.meta.url),
      'utf8',
    ),
  ).report;
  return [
    {
      name: '60,000 headings (1.1 MB text) on /check',
      prepare: () => {
        const body = manyHeadings();
        return async (base) => [
          await send(base, '/api/v1/check', {
            body,
            type: 'text/plain; charset=utf-8',
            from: '127.0.0.2',
          }),
        ];
      },
    },
    {
      name: '100,000 sections on /validate',
      prepare: () => {
        const body = manySections(seed);
        return async (base) => [
          await send(base, '/api/v1/validate', {
            body,
            type: 'application/json',
            from: '127.0.0.2',
          }),
        ];
      },
    },
    {
      name: '10,000 nested tables on /check',
      prepare: () => {
        const body = nestedTables();
        return async (base) => [
          await send(base, '/api/v1/check', { body, type: 'text/html', from: '127.0.0.2' }),
        ];
      },
    },
    {
      name: 'two .docx bombs (300 MB document.xml) at once, two clients',
      prepare: () => {
        const bomb = docxBomb();
        return (base) =>
          Promise.all(
            ['127.0.0.2', '127.0.0.3'].map((from) =>
              send(base, '/api/v1/check', { body: bomb, type: DOCX, from }),
            ),
          );
      },
    },
    {
      name: 'two oversized batches abandoned after 3 s, two clients',
      prepare: () => {
        const batch = oversizedBatch();
        return (base) =>
          Promise.all(
            ['127.0.0.2', '127.0.0.3'].map((from) =>
              send(base, '/api/v1/check/batch', {
                body: batch,
                type: 'application/json',
                from,
                hangUpAfterMs: 3_000,
              }),
            ),
          );
      },
    },
  ];
}

/** Runs every load in turn against `base` (server process `pid`). */
export async function runHostile(base: string, pid: number, log = console.log) {
  const page = readFileSync(corpusPath('pages/pt-syq-2023.html'));
  const figures: HostileFigure[] = [];
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: benchmarks run outside turbo
  const only = process.env.BENCH_LOADS;
  for (const load of hostileLoads()) {
    if (only && !load.name.includes(only)) continue;
    const go = load.prepare();
    const watcher = watch(base, pid);
    const answers = go(base);
    // A third client checks a corpus page while the load runs.
    await new Promise((r) => setTimeout(r, 1_000));
    const third = await send(base, '/api/v1/check', {
      body: page,
      type: 'text/html',
      from: '127.0.0.4',
    }).catch(() => undefined);
    const done = await answers;
    const health = await watcher.stop();
    // Let the workers settle, then read RSS again.
    await new Promise((r) => setTimeout(r, 3_000));
    const figure: HostileFigure = {
      load: load.name,
      statuses: done.map((a) => a.status),
      answerMs: done.map((a) => Math.round(a.ms)),
      healthP50: health.p50,
      healthP99: health.p99,
      healthMax: health.max,
      thirdClientMs: third?.status === 200 ? third.ms : undefined,
      peakRss: health.peak,
      rssAfter: await rssMiB(pid),
    };
    figures.push(figure);
    log(
      `${figure.load}\n  answers ${figure.statuses.join(', ')} in ${figure.answerMs.join(', ')} ms; /healthz p50 ${figure.healthP50.toFixed(1)} ms, p99 ${figure.healthP99.toFixed(1)} ms, max ${figure.healthMax.toFixed(1)} ms; third client's /check ${figure.thirdClientMs === undefined ? `failed (${third?.status})` : `${figure.thirdClientMs.toFixed(0)} ms`}; RSS peak ${figure.peakRss.toFixed(0)} MiB, after ${figure.rssAfter.toFixed(0)} MiB`,
    );
  }
  return figures;
}
