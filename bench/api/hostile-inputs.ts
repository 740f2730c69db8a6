/**
 * The hostile inputs of issue 11, built in memory (nothing is stored): used by
 * tests/hostile-api.test.ts (statuses, health latency, RSS bounds) and by
 * bench/api/run.ts (the figures).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { crc32, deflateRawSync } from 'node:zlib';

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 345 → 三百四十五 (enough for sub-heading ordinals). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`;
  }
  const rest = n % 1000;
  return `${DIGITS[Math.floor(n / 1000)]}千${rest === 0 ? '' : rest < 100 ? `零${chineseNumber(rest)}` : chineseNumber(rest)}`;
}

const SECTIONS = ['一', '二', '三', '四', '五', '六'];

/** About 1.1 MB of text: six sections, 10,000 （一）… sub-headings under each (60,000 headings). */
export function manyHeadings(perSection = 10_000): string {
  const lines = ['某某县人民政府2023年政府信息公开工作年度报告'];
  for (const s of SECTIONS) {
    lines.push(`${s}、总体情况`);
    for (let i = 1; i <= perSection; i++) lines.push(`（${chineseNumber((i % 9999) + 1)}）事项。`);
  }
  return `${lines.join('\n')}\n`;
}

/** A report (JSON) with `count` sections: about 9 MB for 100,000. */
export function manySections(base: Record<string, unknown>, count = 100_000): string {
  const sections = Array.from({ length: count }, (_, i) => ({
    ordinal: SECTIONS[i % 6],
    heading: `${SECTIONS[i % 6]}、标题`,
    text: '（一）内容',
  }));
  return JSON.stringify({ ...base, sections });
}

/** `depth` tables nested in one another (about 330 KB for 10,000). */
export function nestedTables(depth = 10_000): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${'<table><tr><td>'.repeat(depth)}1${'</td></tr></table>'.repeat(depth)}</body></html>`;
}

/** A zip archive written by hand: stored names, deflated data, honest sizes. */
export function zip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A .docx (under 1 MB) whose word/document.xml inflates to about `mb` MB of paragraphs. */
export function docxBomb(mb = 300): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const paragraph = '<w:p><w:r><w:t>一、总体情况 0</w:t></w:r></w:p>';
  const size = mb * 1024 * 1024;
  const unit = Buffer.byteLength(paragraph);
  const body = Math.floor((size - head.length - tail.length) / unit) * unit;
  const xml = Buffer.alloc(head.length + body + tail.length);
  xml.write(head, 0);
  xml.fill(paragraph, head.length, head.length + body);
  xml.write(tail, head.length + body);
  const file = (text: string) => Buffer.from(text, 'utf8');
  return zip([
    {
      name: '[Content_Types].xml',
      data: file(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: file(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', data: xml },
  ]);
}

/** A batch of `count` JSON documents, each `html` of `bytes` bytes of nested tables (oversized, slow to read). */
export function oversizedBatch(count = 50, depth = 2_800): string {
  const html = nestedTables(depth);
  return JSON.stringify(Array.from({ length: count }, (_, i) => ({ name: `doc-${i}`, html })));
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/**
 * One request to the server under test from a given loopback source address (the
 * server tells clients apart by address: 127.0.0.2, 127.0.0.3… are distinct clients).
 * `hangUpAfterMs` destroys the connection then (an abandoned request): resolves with status 0.
 */
export function send(
  base: string,
  path: string,
  options: {
    method?: string;
    body?: string | Buffer;
    type?: string;
    from?: string;
    hangUpAfterMs?: number;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const url = new URL(path, base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
        headers: {
          ...(options.type ? { 'Content-Type': options.type } : {}),
          ...(options.body !== undefined
            ? { 'Content-Length': String(Buffer.byteLength(options.body)) }
            : {}),
          Connection: 'close',
        },
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (error) => {
      if (options.hangUpAfterMs !== undefined)
        resolve({ status: 0, headers: {}, body: '', ms: performance.now() - started });
      else reject(error);
    });
    if (options.hangUpAfterMs !== undefined) setTimeout(() => req.destroy(), options.hangUpAfterMs);
    if (options.timeoutMs !== undefined)
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error('timed out')));
    req.end(options.body);
  });
}

/** VmRSS of one process, in MiB (Linux). */
export function ownRssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

/** The processes started by `pid`, and theirs (its worker processes). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …: comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const visit = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** RSS of the server: its process and its worker processes together, in MiB. */
export async function rssMiB(pid: number): Promise<number> {
  let total = ownRssMiB(pid);
  for (const child of descendants(pid)) {
    try {
      total += ownRssMiB(child);
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/**
 * Polls /healthz every `everyMs` and /proc RSS until stopped: the latencies (ms) and the
 * peak RSS (MiB) seen meanwhile.
 */
export function watch(base: string, pid: number, everyMs = 100) {
  const latencies: number[] = [];
  let peak = 0;
  let failures = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const res = await send(base, '/healthz', { from: '127.0.0.9', timeoutMs: 10_000 });
        if (res.status !== 200) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - started);
      try {
        peak = Math.max(peak, await rssMiB(pid));
      } catch {
        // the process is gone
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { latencies, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, peak, failures };
    },
  };
}
