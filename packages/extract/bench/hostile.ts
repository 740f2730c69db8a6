/** The hostile inputs of the issue, shared by the benchmark (time bound) and reproducible anywhere. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusPath } from '../../../tests/corpus.ts';

export interface Hostile {
  name: string;
  input: string | Uint8Array;
}

export function hostileInputs(): Hostile[] {
  const page = readFileSync(corpusPath('pages/pt-syq-2019.html'), 'utf8');
  const filler =
    '<div class="nav"><a href="#">菜单</a><p>无关内容 2024-01-01 12345</p></div>'.repeat(70_000);
  const docx = new Uint8Array(
    readFileSync(fileURLToPath(new URL('../test/fixtures/merged-2021.docx', import.meta.url))),
  );
  const corrupted = docx.slice();
  for (let i = 100; i < corrupted.length; i += 97) corrupted[i] = (i * 31) % 256;
  const random = new Uint8Array(5_000_000).map((_, i) => (i * 2654435761) % 251);
  const zipJunk = random.slice(0, 1_000_000);
  zipJunk.set([0x50, 0x4b, 0x03, 0x04]);
  const t4 =
    '<table><tr><td>行政复议</td><td>结果维持</td></tr><tr><td>1</td><td>2</td></tr></table>';
  const depth = 20_000;
  // Every table 三 row of the seed followed by a long run of digits (lost separators gone wild).
  const seed = readFileSync(corpusPath('seed/000_42380e1adf95d416.txt'), 'utf8');
  const digitRows = seed.replace(
    /(\t0){7}/g,
    (_m, _g, i: number) => `\t${String(i).repeat(40).slice(0, 90)}`,
  );
  return [
    { name: 'empty string', input: '' },
    { name: '5 MB page around a real report', input: page.replace('<body', `<body>${filler}<div`) },
    {
      name: '1,000 tables',
      input: `<html><body><p>一、总体情况</p>${t4.repeat(1000)}</body></html>`,
    },
    {
      name: `markup nested ${depth} deep`,
      input: `<html><body>${'<div>'.repeat(depth)}一、总体情况${'</div>'.repeat(depth)}</body></html>`,
    },
    {
      name: 'huge rowspan/colspan (300 rows)',
      input: `<table>${'<tr><td rowspan="65534" colspan="1000">申请人情况</td><td colspan="99999">自然人</td></tr>'.repeat(300)}</table>`,
    },
    { name: '5 MB of random bytes', input: random },
    { name: '1 MB of random bytes behind a zip signature', input: zipJunk },
    { name: 'a real .docx with bytes overwritten', input: corrupted },
    { name: 'seed with 90-digit runs in every table 三 row', input: digitRows },
    {
      name: '5 MB of text without separators',
      input: `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 ${'7'.repeat(5_000_000)}`,
    },
  ];
}
