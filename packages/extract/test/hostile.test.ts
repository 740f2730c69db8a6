/**
 * Bad input returns diagnostics, never throws, never hangs (property tests
 * with fast-check, plus the hostile inputs of the issue). Time bounds are
 * measured in bench/extract; here the test timeout only guards against a hang.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReportSchema } from '@nianbao/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../tests/corpus.ts';
import { extractFromText } from '../src/index.ts';
import { ARCHIVE_LIMITS, extract, extractAll } from '../src/node.ts';
import type { ExtractResult } from '../src/types.ts';
import { bombDocument, DOC_HEAD, DOC_TAIL, deflated, docx, paragraph, stored } from './zip-bomb.ts';

function wellFormed(r: ExtractResult): void {
  expect(ReportSchema.safeParse(r.report).success).toBe(true);
  expect(Array.isArray(r.diagnostics)).toBe(true);
  for (const d of r.diagnostics) {
    expect(d.origin).toBe('extraction');
    expect(d.message).not.toMatch(/\{\w+\}/);
  }
  expect(typeof r.found).toBe('boolean');
  expect(() => JSON.stringify(r.provenance)).not.toThrow();
}

const LABELS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '第二十条第（一）项',
  '信息内容',
  '本年新制作数量',
  '规章',
  '三、收到和处理政府信息公开申请情况',
  '申请人情况',
  '自然人',
  '一、本年新收政府信息公开申请数量',
  '（七）总计',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议',
  '结果维持',
  '总计',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '713000074',
  '0',
  '-',
  '无',
  '１２３',
  '1,234元',
];

const token = fc.oneof(
  fc.constantFrom(...LABELS),
  fc.constantFrom(
    '\t',
    ' ',
    '\n',
    '|',
    '<td>',
    '</td>',
    '<tr>',
    '<table>',
    '</table>',
    '<td rowspan="99999">',
    '<td colspan="0">',
  ),
  fc.string({ maxLength: 8 }),
  fc.nat({ max: 100000 }).map(String),
  fc.stringMatching(/^[0-9]{10,120}$/),
);
const reportish = fc.array(token, { maxLength: 200 }).map((parts) => parts.join(''));

// Generous timeouts: the machine is shared, and these only guard against a hang.
describe('property: any input gives a well-formed result', { timeout: 60_000 }, () => {
  it('any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), async (s) =>
        wellFormed(await extract(s)),
      ),
      { numRuns: 150 },
    );
  });

  it('any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (b) =>
        wellFormed(await extract(b)),
      ),
      { numRuns: 150 },
    );
  });

  it('strings made of report labels, numbers and table markup, as text and as HTML', async () => {
    await fc.assert(
      fc.asyncProperty(reportish, async (s) => {
        wellFormed(extractFromText(s));
        for (const r of await extractAll({ kind: 'html', html: `<html><body>${s}</body></html>` }))
          wellFormed(r);
      }),
      { numRuns: 200 },
    );
  });

  it('the seed with random edits', async () => {
    const seed = readCorpus('seed/000_42380e1adf95d416.txt');
    const edit = fc.tuple(
      fc.nat({ max: seed.length }),
      fc.nat({ max: 50 }),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 8 }), async (edits) => {
        let text = seed;
        for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(at + del);
        wellFormed(extractFromText(text));
      }),
      { numRuns: 100 },
    );
  });

  it('a real .docx with random bytes overwritten', async () => {
    const docx = new Uint8Array(
      readFileSync(fileURLToPath(new URL('./fixtures/merged-2021.docx', import.meta.url))),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.nat({ max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        async (hits) => {
          const copy = docx.slice();
          for (const [at, byte] of hits) copy[at] = byte;
          wellFormed(await extract({ kind: 'docx', data: copy }));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('hostile inputs', () => {
  it('empty input of every kind', async () => {
    for (const input of [
      '',
      '   \n',
      new Uint8Array(),
      { kind: 'text', text: '' } as const,
      { kind: 'html', html: '' } as const,
    ]) {
      const r = await extract(input);
      wellFormed(r);
      expect(r.found).toBe(false);
      expect(r.diagnostics[0]?.ruleId).toBe('EXTRACT-EMPTY');
    }
  });

  it('binary junk', async () => {
    const junk = new Uint8Array(10000).map((_, i) => (i * 7919) % 32);
    const r = await extract(junk);
    wellFormed(r);
    expect(r.found).toBe(false);
    expect(r.diagnostics[0]?.ruleId).toBe('EXTRACT-BINARY');
  });

  it('random bytes behind a zip signature (a broken .docx)', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => (i * 2654435761) % 251);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const r = await extract(bytes);
    wellFormed(r);
    expect(r.diagnostics[0]?.ruleId).toBe('EXTRACT-DOCX-UNREADABLE');
  });

  it('a 5 MB page around a real report', async () => {
    const page = readCorpus('pages/pt-syq-2019.html');
    const filler =
      '<div class="nav"><a href="#">菜单</a><p>无关内容 2024-01-01 12345</p></div>'.repeat(70_000);
    const big = page.replace('<body', `<body>${filler}<div`);
    expect(big.length).toBeGreaterThan(5_000_000);
    const r = await extract(big);
    wellFormed(r);
    expect(r.report.applications?.results?.total?.total).toBe(23);
  }, 60_000);

  it('a page with 1,000 tables', async () => {
    const table =
      '<table><tr><td>行政复议</td><td>结果维持</td></tr><tr><td>1</td><td>2</td></tr></table>';
    const r = await extract(
      `<html><body><p>一、总体情况</p>${table.repeat(1000)}<p>二、主动公开政府信息情况</p></body></html>`,
    );
    wellFormed(r);
  }, 60_000);

  it('deeply nested markup', async () => {
    const depth = 20_000;
    const r = await extract(
      `<html><body>${'<div>'.repeat(depth)}一、总体情况${'</div>'.repeat(depth)}</body></html>`,
    );
    wellFormed(r);
  }, 60_000);

  it('huge rowspan and colspan values', async () => {
    const r = await extract(
      `<table>${'<tr><td rowspan="65534" colspan="1000">申请人情况</td><td colspan="99999">自然人</td></tr>'.repeat(300)}</table>`,
    );
    wellFormed(r);
  }, 60_000);

  it('more than 20 MB: the first 20 MB are read, and the result says so', async () => {
    const seed = readCorpus('seed/000_42380e1adf95d416.txt');
    const r = await extract({ kind: 'text', text: seed + ' '.repeat(21 * 1024 * 1024) });
    wellFormed(r);
    expect(r.found).toBe(true);
    expect(r.diagnostics.find((d) => d.ruleId === 'EXTRACT-TRUNCATED')?.message).toContain(
      '21.0 MB',
    );
  }, 60_000);

  it('a text of digits only (no separators anywhere)', () => {
    const r = extractFromText(
      `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 ${'9'.repeat(400)}`,
    );
    wellFormed(r);
  });
});

describe('archive limits: a .docx is inflated under limits checked while inflating', {
  timeout: 120_000,
}, () => {
  const tooLarge = (r: ExtractResult, messagePart: string) => {
    wellFormed(r);
    expect(r.found).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'EXTRACT-TOO-LARGE', origin: 'extraction' });
    expect(r.diagnostics[0]!.message).toContain(messagePart);
  };

  /** Time (ms) and RSS growth (MB) of extracting `bytes`: coarse guards, the figures are in bench/extract. */
  async function measured(bytes: Uint8Array) {
    (globalThis as { gc?: () => void }).gc?.();
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const t0 = performance.now();
    const result = await extract(bytes);
    const ms = performance.now() - t0;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, grownMb: (peak - rss) / 1024 / 1024 };
  }

  for (const lie of [false, true]) {
    it(`a 300 MB document.xml in a ~1 MB .docx, declared sizes ${lie ? 'lying (1 KB)' : 'truthful'}: EXTRACT-TOO-LARGE in milliseconds and megabytes`, async () => {
      const bomb = docx(await bombDocument(300, lie ? 1000 : undefined));
      expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
      const { result, ms, grownMb } = await measured(bomb);
      // Caught by its ratio in the first 64 KB (240:1), before 50 MB are inflated.
      tooLarge(result, '（压缩包可能是恶意构造的），未读取');
      // Guards 10× above normal (≈ 0.1–0.3 s and ≈ 50 MB): the unprotected reader took 4.6 GB.
      expect(ms).toBeLessThan(5_000);
      expect(grownMb).toBeLessThan(400);
    });
  }

  it('entries each within the ratio but 52 MB together: the total note', async () => {
    const mb = paragraph('open '.repeat(40))
      .repeat(Math.ceil((1024 * 1024 - 200) / 100))
      .slice(0, 1024 * 1024 - 200);
    const parts = Array.from({ length: 52 }, (_, i) => deflated(`word/part${i}.txt`, mb));
    const { result, ms, grownMb } = await measured(
      docx(deflated('word/document.xml', `${DOC_HEAD}${DOC_TAIL}`), parts),
    );
    tooLarge(result, '文档解压后超过 50 MB（压缩包可能是恶意构造的），未读取');
    expect(ms).toBeLessThan(5_000);
    expect(grownMb).toBeLessThan(400);
  });

  it('an entry past 100:1 beyond 1 MB: the ratio note', async () => {
    const doc = deflated(
      'word/document.xml',
      `${DOC_HEAD}${paragraph('甲'.repeat(3 * 1024 * 1024))}${DOC_TAIL}`,
      10,
    );
    const { result } = await measured(docx(doc));
    tooLarge(result, '倍');
    expect(result.diagnostics[0]!.message).toContain('100');
  });

  it('more than 2,000 entries: the entry-count note, before anything is inflated', async () => {
    const many = Array.from({ length: 2_001 }, (_, i) => stored(`word/media/x${i}.txt`, 'x'));
    const { result, ms } = await measured(
      docx(deflated('word/document.xml', `${DOC_HEAD}${DOC_TAIL}`), many),
    );
    tooLarge(result, '2000');
    expect(ms).toBeLessThan(2_000);
  });

  it('XML with a DOCTYPE and entity declarations is refused (no entity expansion)', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "政府信息公开"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
    const doc = deflated(
      'word/document.xml',
      `${lol}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph('&b;')}${DOC_TAIL}`,
    );
    const { result } = await measured(docx(doc));
    tooLarge(result, 'DOCTYPE');
  });

  it('a small honest .docx built the same way still reads', async () => {
    const doc = deflated(
      'word/document.xml',
      `${DOC_HEAD}${paragraph('一、总体情况')}${paragraph('本年度主动公开政府信息。')}${DOC_TAIL}`,
    );
    const result = await extract(docx(doc));
    wellFormed(result);
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('EXTRACT-TOO-LARGE');
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('EXTRACT-DOCX-UNREADABLE');
  });

  it('the limits are exported for every reader (PDF, .doc)', () => {
    expect(ARCHIVE_LIMITS).toMatchObject({
      maxTotalBytes: 50 * 1024 * 1024,
      maxRatio: 100,
      maxEntries: 2000,
    });
  });
});
