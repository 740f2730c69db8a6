import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../../tests/corpus.ts';
import { parsePage } from '../test-dom.ts';
import { looksLikeReport } from './detect.ts';

function load(html: string): Document {
  return parsePage(html);
}

describe('looksLikeReport', () => {
  it.each(['pt-syq-2019.html', 'pt-syq-2023.html', 'pt-shs-2023.html', 'pt-gaj-2020.html'])(
    'recognises the portal page %s',
    (file) => {
      expect(looksLikeReport(load(readFileSync(corpusPath(`pages/${file}`), 'utf8')))).toBe(true);
    },
  );

  it('recognises the Shanghai article fragment by its heading and tables', () => {
    const fragment = readFileSync(corpusPath('pages/sh-gov-office-2019.fragment.html'), 'utf8');
    const doc = load(
      `<html><head><title>上海市人民政府</title></head><body>${fragment}</body></html>`,
    );
    expect(looksLikeReport(doc)).toBe(true);
  });

  it('says no to an ordinary gov.cn news page', () => {
    const doc = load(
      '<html><head><title>平潭综合实验区召开安全生产工作会议</title></head><body><h1>召开安全生产工作会议</h1><table><tr><td>附件</td></tr></table></body></html>',
    );
    expect(looksLikeReport(doc)).toBe(false);
  });

  it('says no to a pingtan page once the report title and tables are removed', () => {
    const doc = load(readFileSync(corpusPath('pages/pt-syq-2023.html'), 'utf8'));
    doc.title = '平潭综合实验区党工委管委会';
    for (const el of doc.querySelectorAll('table, h1, h2, h3, meta')) {
      el.remove();
    }
    expect(looksLikeReport(doc)).toBe(false);
  });

  it('recognises Traditional-script titles from big5 gateways', () => {
    const doc = load('<title>2019年政府信息公開工作年度報告</title>');
    expect(looksLikeReport(doc)).toBe(true);
  });
});
