import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, readCorpus } from '../../../tests/corpus.ts';
import { looksLikeReport } from './detect.ts';
import { detectFormat } from './index.ts';
import { parseHtmlDocument } from './node.ts';

describe('looksLikeReport', () => {
  it('says yes on every corpus page', () => {
    const pages = readdirSync(corpusPath('pages')).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const f of pages)
      expect(looksLikeReport(parseHtmlDocument(readCorpus(`pages/${f}`))), f).toBe(true);
  });

  it('says yes on a Traditional-script title and on a table alone', () => {
    expect(
      looksLikeReport(
        parseHtmlDocument(
          '<html><head><title>某縣2020年政府信息公開工作年度報告</title></head><body></body></html>',
        ),
      ),
    ).toBe(true);
    expect(
      looksLikeReport(
        parseHtmlDocument(
          '<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table>',
        ),
      ),
    ).toBe(true);
  });

  it('says no on ordinary portal pages', () => {
    for (const html of [
      '<html><head><title>通知公告_某县人民政府</title></head><body><h1>关于开展2024年春季植树活动的通知</h1><table><tr><td>序号</td><td>名称</td></tr></table></body></html>',
      '<html><body><p>政府信息公开指南</p><p>依申请公开</p></body></html>',
      '',
    ]) {
      expect(looksLikeReport(parseHtmlDocument(html))).toBe(false);
    }
  });
});

describe('detectFormat', () => {
  it('finds the format of each corpus page from its signature labels', () => {
    const expected: Record<string, string> = {
      'pt-syq-2019': '2019',
      'pt-syq-2023': '2021',
      'pt-shs-2023': '2021',
      'sh-gov-office-2019.fragment': '2019',
    };
    for (const [id, format] of Object.entries(expected)) {
      const detection = detectFormat(parseHtmlDocument(readCorpus(`pages/${id}.html`)));
      expect(detection.format, id).toBe(format);
    }
    expect(detectFormat(parseHtmlDocument(readCorpus('pages/pt-gaj-2020.html'))).format).toBeNull();
  });

  it('reads text too, and lists what it saw', () => {
    const d = detectFormat(readCorpus('seed/000_42380e1adf95d416.txt'));
    expect(d.format).toBe('2019');
    expect(d.signatures['2019']).toContain('第二十条第（九）项');
    expect(d.signatures['2021']).toEqual([]);
  });
});
