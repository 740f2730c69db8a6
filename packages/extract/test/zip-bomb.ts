/**
 * Hand-written zips for the archive-limit tests: local headers and a central
 * directory written byte by byte, so the declared sizes can lie.
 */
import { constants, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Bytes as they go into the zip (deflated when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** Uncompressed size written in the headers (may lie). */
  declaredSize: number;
}

export function zip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declaredSize >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

export const stored = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, declaredSize: data.length };
};

export const deflated = (
  name: string,
  text: string | Uint8Array,
  declaredSize?: number,
): RawEntry => {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: deflateRawSync(raw), method: 8, declaredSize: declaredSize ?? raw.length };
};

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
export const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`;
export const DOC_TAIL = '</w:body></w:document>';
export const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A minimal .docx around `document.xml` (given as a ready entry). */
export function docx(document: RawEntry, extra: RawEntry[] = []): Buffer {
  return zip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', RELS),
    document,
    ...extra,
  ]);
}

/**
 * `document.xml` of `megabytes` MB of repetitive paragraphs, deflated chunk by
 * chunk (the whole text is never held): a 300 MB document is about 0.3–1 MB.
 */
export async function bombDocument(megabytes: number, declaredSize?: number): Promise<RawEntry> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.from(
    paragraph('政府信息公开'.repeat(20)).repeat(Math.ceil((1024 * 1024) / 400)),
  );
  let total = 0;
  deflate.write(DOC_HEAD);
  while (total < megabytes * 1024 * 1024) {
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
    total += chunk.length;
  }
  deflate.end(DOC_TAIL);
  await done;
  const data = Buffer.concat(out);
  return { name: 'word/document.xml', data, method: 8, declaredSize: declaredSize ?? total };
}
