import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blankReport, check, setCell } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { applySuppressions, readSuppressions } from './suppress.ts';

async function file(content: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-sup-'));
  const p = path.join(dir, 'suppress.json');
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('suppressions', () => {
  it('requires a fingerprint and a reason for each entry', async () => {
    await expect(
      readSuppressions(await file({ suppressions: [{ fingerprint: 'ab' }] })),
    ).rejects.toThrow(/no reason/);
    await expect(readSuppressions(await file([{ reason: 'x' }]))).rejects.toThrow(/no fingerprint/);
    await expect(readSuppressions(await file('{'))).rejects.toThrow(/cannot read suppression file/);
    await expect(readSuppressions(await file({ other: 1 }))).rejects.toThrow(/expected/);
  });

  it('moves matching findings to suppressed with their reason, optionally per source', async () => {
    const report = setCell(blankReport('2021', 0), 'applications.newReceived.naturalPerson', 4);
    const findings = check(report);
    const target = findings[0]!;
    const list = await readSuppressions(
      await file({
        suppressions: [{ fingerprint: target.fingerprint, reason: '原表如此', source: 'a.html' }],
      }),
    );
    const a = applySuppressions('dir/a.html', findings, list);
    expect(a.suppressed).toEqual([{ ...target, suppressedReason: '原表如此' }]);
    expect(a.visible).toHaveLength(findings.length - 1);
    const b = applySuppressions('dir/b.html', findings, list);
    expect(b.suppressed).toHaveLength(0);
  });
});
