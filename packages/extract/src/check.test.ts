import { readFileSync } from 'node:fs';
import { check } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../tests/corpus.ts';
import { checkExtracted } from './check.ts';
import { extractAll } from './node.ts';

describe('checkExtracted: extract → (found ? check : notes) → summary', () => {
  it('checks a report that was found, with its provenance, and counts notes too', async () => {
    const [read] = await extractAll(readFileSync(corpusPath('seed/000_42380e1adf95d416.txt')));
    const done = checkExtracted(read!, { locale: 'en' });
    expect(done.findings).toEqual(
      check(read!.report, { locale: 'en', provenance: read!.provenance }),
    );
    const all = [...done.findings, ...done.diagnostics];
    // Reading notes (the seed's 16-number table 四 line) are counted apart, never as errors.
    const own = all.filter((f) => f.origin !== 'extraction');
    expect(done.summary.errors).toBe(own.filter((f) => f.severity === 'error').length);
    expect(done.summary.notes).toBe(all.length - own.length);
    expect(done.summary.total).toBe(all.length);
    expect(done.summary).toMatchObject({
      found: true,
      format: '2019',
      reportYear: 2020,
      ok: false,
    });
  });

  it('does not check a document where no report was found', async () => {
    const [read] = await extractAll(readFileSync(corpusPath('pages/pt-gaj-2020.html')));
    const done = checkExtracted(read!);
    expect(done.found).toBe(false);
    expect(done.findings).toEqual([]);
    expect(done.summary.ok).toBe(false);
    expect(done.diagnostics.length).toBeGreaterThan(0);
  });
});
