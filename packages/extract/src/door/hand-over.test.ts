import { blankReport, setCell } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { decodeHandOver, encodeHandOver, hasHandOver } from './hand-over.ts';

describe('#import= hand-over', () => {
  const report = setCell(blankReport('2021'), 'applications.newReceived.total', 12);
  report.meta = { agencyName: '平潭综合实验区社会事业局', reportYear: 2023 };

  it('round-trips a report with Chinese text, provenance and source', () => {
    const hash = encodeHandOver({
      report,
      provenance: { cells: { 'applications.newReceived.total': { raw: '12' } } },
      source: 'https://www.pingtan.gov.cn/x.html',
    });
    expect(hash).toMatch(/^#import=[A-Za-z0-9_-]+$/);
    const decoded = decodeHandOver(hash);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.payload.report).toEqual(report);
    expect(decoded.payload.provenance?.cells['applications.newReceived.total']?.raw).toBe('12');
    expect(decoded.payload.source).toBe('https://www.pingtan.gov.cn/x.html');
  });

  it('accepts a bare report too', () => {
    const hash = encodeHandOver({ report }).replace(
      /.*/,
      `#import=${btoa(unescape(encodeURIComponent(JSON.stringify(report)))).replace(/=+$/, '')}`,
    );
    const decoded = decodeHandOver(hash);
    expect(decoded.ok && decoded.payload.report.meta.agencyName).toBe('平潭综合实验区社会事业局');
  });

  it.each([
    ['#import=%%%', /base64url/],
    ['#import=bm90IGpzb24', /JSON/],
    [`#import=${btoa('{"report":{"format":"1999"}}')}`, /format/],
  ])('refuses %s with a reason', (hash, reason) => {
    const decoded = decodeHandOver(hash);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(reason);
  });

  it('ignores other hashes', () => {
    expect(hasHandOver('#top')).toBe(false);
    expect(decodeHandOver('#top').ok).toBe(false);
  });
});
