// A batch holding two consecutive years of one agency: the later report is checked
// against the earlier one (XY-* rules) without any flag; --previous does the same for one file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from './cli-helpers.ts';
import { corpusPath } from './corpus.ts';

interface Result {
  source: string;
  reportYear: number | null;
  agencyName: string | null;
  previousSource?: string;
  report: Record<string, unknown> & {
    meta: { reportYear?: number; agencyName?: string };
    applications?: { carriedForward?: Record<string, number | null> };
  };
  findings: { ruleId: string; cells: string[] }[];
}

let dir: string;

beforeAll(async () => {
  ensureCliBuilt();
  // This year's report is the real 2023 page; last year's is its own report JSON with the year
  // set to 2022 and a carried-forward count that does not match 2023's carried-over count.
  const run = await runCli(['check', corpusPath('pages/pt-syq-2023.html'), '--format', 'json']);
  const current = (JSON.parse(run.stdout) as { results: Result[] }).results[0]!;
  expect(current.reportYear).toBe(2023);
  const previous = structuredClone(current.report);
  previous.meta = { ...previous.meta, reportYear: 2022 };
  const forward = previous.applications?.carriedForward;
  expect(forward).toBeDefined();
  forward!.naturalPerson = (forward!.naturalPerson ?? 0) + 7;
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-xy-'));
  writeFileSync(path.join(dir, '2022.report.json'), JSON.stringify(previous));
  const otherAgency = structuredClone(previous);
  otherAgency.meta = { ...otherAgency.meta, agencyName: '另一个县人民政府办公室' };
  writeFileSync(path.join(dir, 'other-agency-2022.json'), JSON.stringify(otherAgency));
  writeFileSync(
    path.join(dir, '2023.html'),
    (await import('node:fs')).readFileSync(corpusPath('pages/pt-syq-2023.html')),
  );
}, 180_000);

const xy = (r: Result) => r.findings.filter((f) => f.ruleId.startsWith('XY-'));

describe('cross-year pairing', () => {
  it('pairs consecutive years of one agency in a batch and runs the cross-year rules', async () => {
    const run = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(run.stdout) as { results: Result[] };
    const later = out.results.find((r) => r.source === '2023.html')!;
    const earlier = out.results.find((r) => r.source === '2022.report.json')!;
    expect(later.previousSource).toBe('2022.report.json');
    expect(earlier.previousSource).toBeUndefined();
    const carry = xy(later).filter((f) => f.ruleId === 'XY-T3-CARRY');
    expect(carry.length).toBeGreaterThan(0);
    expect(carry.some((f) => f.cells.includes('applications.carriedOver.naturalPerson'))).toBe(
      true,
    );
    expect(xy(earlier)).toEqual([]);
    const text = await runCli(['check', '.'], { cwd: dir });
    expect(text.stdout).toContain('上一年度报告：2022.report.json');
    expect(text.stdout).toContain('XY-T3-CARRY');
  });

  it('runs no cross-year rule on the same report alone, and the same ones with --previous', async () => {
    const alone = JSON.parse(
      (await runCli(['check', '2023.html', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(xy(alone.results[0])).toEqual([]);
    const withPrevious = JSON.parse(
      (
        await runCli(['check', '2023.html', '--previous', '2022.report.json', '--format', 'json'], {
          cwd: dir,
        })
      ).stdout,
    );
    expect(withPrevious.results[0].previousSource).toBe('2022.report.json');
    expect(
      xy(withPrevious.results[0]).some((f: { ruleId: string }) => f.ruleId === 'XY-T3-CARRY'),
    ).toBe(true);
    // Last year's report of another agency is not taken as this one's.
    const other = JSON.parse(
      (
        await runCli(['check', '2023.html', '--previous', 'other-agency-2022.json', '-f', 'json'], {
          cwd: dir,
        })
      ).stdout,
    );
    expect(other.results[0].previousSource).toBeUndefined();
    expect(xy(other.results[0])).toEqual([]);
  });
});
