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

  it('says no to the same portal page carrying a news article instead of the report', () => {
    const html = readFileSync(corpusPath('pages/pt-syq-2023.html'), 'utf8')
      .replace(
        /<title>[^<]*<\/title>/,
        '<title>平潭综合实验区召开安全生产工作会议_工作动态</title>',
      )
      .replace(
        /<div class=TRS_Editor>[\s\S]*?<\/div>/,
        '<div class=TRS_Editor><p>会议要求压实安全生产责任。</p></div>',
      )
      .replace(/政府信息公开工作年度报告|政府信息公开年报|年度报告/g, '工作动态');
    expect(looksLikeReport(load(html))).toBe(false);
  });

  it('finds a report inside a same-origin frame', () => {
    const doc = load(
      '<html><head><title>政务公开</title></head><body><iframe></iframe></body></html>',
    );
    const frame = doc.querySelector('iframe')!;
    const inner = load(
      '<html><head><title>2019年政府信息公开工作年度报告</title></head><body></body></html>',
    );
    let crossOrigin = false;
    Object.defineProperty(frame, 'contentDocument', {
      get() {
        if (crossOrigin) throw new DOMException('cross-origin', 'SecurityError');
        return inner;
      },
    });
    expect(looksLikeReport(doc)).toBe(true);
    crossOrigin = true;
    expect(looksLikeReport(doc)).toBe(false);
  });

  it('recognises Traditional-script titles from big5 gateways', () => {
    const doc = load('<title>2019年政府信息公開工作年度報告</title>');
    expect(looksLikeReport(doc)).toBe(true);
  });
});
