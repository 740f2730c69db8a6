// The built CLI over a folder of hostile inputs (issue 11): a .docx zip bomb, a symlink
// loop, a dangling link, a FIFO, a document that hangs its reader, one that crashes it,
// one that fills its heap, one whose check() runs away,
// and good corpus pages. Every input is reported with its reason, the good pages are
// checked, the outputs are written, the process neither crashes nor runs out of memory.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOutputErrors, ensureCliBuilt, runCli } from './cli-helpers.ts';
import { corpusPath } from './corpus.ts';

/** A zip written by hand: local headers, deflated (or stored) data, central directory. */
function zip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data, deflate = true } of entries) {
    const body = deflate ? deflateRawSync(data, { level: 9 }) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(deflate ? 8 : 0, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    parts.push(local, nameBytes, body);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}

/** A .docx under 1 MB whose word/document.xml inflates to about 300 MB of paragraphs. */
function zipBomb(): Buffer {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from('</w:body></w:document>');
  const paragraph = '<w:p><w:r><w:t>报告报告报告报告</w:t></w:r></w:p>';
  const size = 300 * 1024 * 1024;
  const xml = Buffer.alloc(size, paragraph);
  head.copy(xml, 0);
  // End on a whole paragraph, then close the document.
  const bodyEnd =
    size - tail.length - ((size - head.length - tail.length) % Buffer.byteLength(paragraph));
  xml.fill(' ', bodyEnd);
  tail.copy(xml, size - tail.length);
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', data: xml },
  ]);
}

interface Result {
  source: string;
  found: boolean;
  reportYear: number | null;
  findings: unknown[];
  diagnostics: { ruleId: string }[];
  error?: { code: string; message: string };
}

let dir: string;
let folder: string;
let bombBytes = 0;

beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-cli-'));
  folder = path.join(dir, 'in');
  mkdirSync(folder);
  const bomb = zipBomb();
  bombBytes = bomb.length;
  writeFileSync(path.join(folder, 'bomb.docx'), bomb);
  symlinkSync('loop.html', path.join(folder, 'loop.html'));
  symlinkSync('missing.html', path.join(folder, 'gone.html'));
  const fifo = spawnSync('mkfifo', [path.join(folder, 'fifo.html')]);
  if (fifo.status !== 0) throw new Error(`mkfifo failed: ${fifo.stderr}`);
  copyFileSync(corpusPath('pages/pt-syq-2023.html'), path.join(folder, 'pt-syq-2023.html'));
  copyFileSync(corpusPath('pages/pt-shs-2023.html'), path.join(folder, 'pt-shs-2023.html'));
  // Under NIANBAO_TEST_HOOKS=1 the worker spins forever on __hang__*, exits on __crash__*.
  copyFileSync(corpusPath('pages/pt-syq-2023.html'), path.join(folder, '__hang__.html'));
  copyFileSync(corpusPath('pages/pt-syq-2023.html'), path.join(folder, '__crash__.html'));
  copyFileSync(corpusPath('pages/pt-syq-2023.html'), path.join(dir, '__oom__.html'));
  // …and, once the page is read, spins in check() on __hangcheck__* (a rule that runs away).
  copyFileSync(corpusPath('pages/pt-shs-2023.html'), path.join(folder, '__hangcheck__.html'));
  // Peak RSS of the whole CLI process (every thread), written when it exits.
  writeFileSync(
    path.join(dir, 'rss.mjs'),
    `import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) process.on('exit', () => writeFileSync(process.env.NIANBAO_RSS_FILE, String(process.resourceUsage().maxRSS)));
`,
  );
}, 120_000);

describe('nianbao check on a folder of hostile inputs', () => {
  it('builds a real zip bomb: under 1 MB, 300 MB inflated', () => {
    expect(bombBytes).toBeLessThan(1024 * 1024);
  });

  it('reports every input with its reason, checks the good pages and writes the outputs', async () => {
    const json = path.join(dir, 'out.json');
    const csv = path.join(dir, 'out.csv');
    const rssFile = path.join(dir, 'rss.txt');
    const started = Date.now();
    const run = await runCli(
      ['check', folder, '-o', json, '-o', csv, '--file-timeout', '5', '--no-progress'],
      {
        cwd: dir,
        timeoutMs: 120_000,
        env: {
          NIANBAO_TEST_HOOKS: '1',
          NIANBAO_RSS_FILE: rssFile,
          NODE_OPTIONS: `--import=${pathToFileURL(path.join(dir, 'rss.mjs')).href}`,
        },
      },
    );
    const elapsed = Date.now() - started;
    const outText = existsSync(path.join(dir, 'out.json'))
      ? readFileSync(path.join(dir, 'out.json'), 'utf8').slice(0, 3000)
      : '';
    expect(run.code, `${run.stderr}\n${outText}`).toBe(1); // not 134 (abort), not 2
    expect(existsSync(json)).toBe(true);
    expect(existsSync(csv)).toBe(true);
    const out = JSON.parse(readFileSync(json, 'utf8')) as { results: Result[] };
    expect(await checkOutputErrors(out)).toEqual([]);
    const by = (name: string) => out.results.find((r) => r.source === `in/${name}`);
    const sources = out.results.map((r) => r.source).sort();
    expect(sources).toEqual(
      [
        '__crash__.html',
        '__hang__.html',
        '__hangcheck__.html',
        'bomb.docx',
        'fifo.html',
        'gone.html',
        'loop.html',
        'pt-shs-2023.html',
        'pt-syq-2023.html',
      ].map((n) => `in/${n}`),
    );

    expect(by('loop.html')?.error?.code).toBe('LINK_LOOP');
    expect(by('gone.html')?.error?.code).toBe('DANGLING_LINK');
    expect(by('fifo.html')?.error?.code).toBe('NOT_A_FILE');
    for (const name of ['loop.html', 'gone.html', 'fifo.html'])
      expect(by(name)?.error?.message, name).not.toMatch(/no such file|ENOENT/i);
    expect(by('fifo.html')?.error?.message).toContain('命名管道');
    expect(by('__hang__.html')?.error?.code).toBe('FILE_TIMEOUT');
    expect(by('__hang__.html')?.error?.message).toContain('5 秒');
    expect(by('__crash__.html')?.error?.code).toBe('FILE_CRASHED');
    expect(by('__hangcheck__.html')?.error?.code).toBe('FILE_TIMEOUT');
    // The bomb ends as that file's error (heap cap or time limit), or as the extractor's
    // own size note once it inflates under limits: never as the batch's end.
    const bomb = by('bomb.docx')!;
    const bombOutcome =
      bomb.error?.code ?? bomb.diagnostics.map((d) => d.ruleId).find((id) => /TOO-LARGE/.test(id));
    expect(['TOO_LARGE', 'FILE_TIMEOUT', 'FILE_CRASHED', 'EXTRACT-TOO-LARGE']).toContain(
      bombOutcome,
    );

    for (const name of ['pt-syq-2023.html', 'pt-shs-2023.html']) {
      const r = by(name)!;
      expect(r.error, name).toBeUndefined();
      expect(r.found, name).toBe(true);
      expect(r.reportYear, name).toBe(2023);
    }
    const csvText = readFileSync(csv, 'utf8');
    for (const code of ['LINK_LOOP', 'DANGLING_LINK', 'NOT_A_FILE', 'FILE_TIMEOUT', 'FILE_CRASHED'])
      expect(csvText).toContain(code);

    // Memory bounded: workers have a 512 MB heap cap; the whole process stays well under 1.5 GB.
    const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    expect(rssMb).toBeGreaterThan(0);
    expect(rssMb).toBeLessThan(1536);
    // A guard, not a benchmark: the hang is cut at 5 s, the bomb by its limits.
    expect(elapsed).toBeLessThan(90_000);
  }, 150_000);

  it('ends a document that fills its heap at the worker cap, as that document’s error', async () => {
    const rssFile = path.join(dir, 'rss-oom.txt');
    const run = await runCli(
      [
        'check',
        '__oom__.html',
        corpusPath('pages/pt-syq-2023.html'),
        '-f',
        'json',
        '--file-timeout',
        '60',
      ],
      {
        cwd: dir,
        timeoutMs: 120_000,
        env: {
          NIANBAO_TEST_HOOKS: '1',
          NIANBAO_RSS_FILE: rssFile,
          NODE_OPTIONS: `--import=${pathToFileURL(path.join(dir, 'rss.mjs')).href}`,
        },
      },
    );
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { results: Result[] };
    expect(out.results[0]!.error?.code).toBe('TOO_LARGE');
    expect(out.results[0]!.error?.message).toContain('512 MB');
    expect(out.results[1]!.found).toBe(true);
    const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    expect(rssMb).toBeLessThan(1536);
  }, 150_000);

  it('says the same in English with --locale en', async () => {
    const run = await runCli(
      [
        'check',
        path.join(folder, 'fifo.html'),
        path.join(folder, 'loop.html'),
        path.join(folder, 'gone.html'),
        path.join(folder, '__hang__.html'),
        '-f',
        'json',
        '--locale',
        'en',
        '--file-timeout',
        '2',
      ],
      { cwd: dir, env: { NIANBAO_TEST_HOOKS: '1' } },
    );
    expect(run.code).toBe(2); // nothing could be read
    const out = JSON.parse(run.stdout) as { results: Result[] };
    expect(out.results.map((r) => r.error?.code)).toEqual([
      'NOT_A_FILE',
      'LINK_LOOP',
      'DANGLING_LINK',
      'FILE_TIMEOUT',
    ]);
    expect(out.results[0]!.error!.message).toContain('named pipe');
    expect(out.results[3]!.error!.message).toContain('--file-timeout');
  }, 60_000);
});
