// The form takes documents through the same door as every surface: the tricky
// inputs of tests/tricky-inputs.ts read as the report their clean page gives.
import type { Report } from '@nianbao/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLEAN,
  payloadInput,
  TRICKY_INPUTS,
  type TrickyInput,
} from '../../../../tests/tricky-inputs.ts';
import { importFile } from './importing.ts';

const tables = (r: Report) => ({
  format: r.format,
  activeDisclosure: r.activeDisclosure ?? null,
  applications: r.applications ?? null,
  appeals: r.appeals ?? null,
});

const file = (i: { name: string; bytes: Uint8Array; contentType?: string }) =>
  new File([i.bytes as Uint8Array<ArrayBuffer>], i.name, { type: i.contentType ?? '' });

async function read(i: { name: string; bytes: Uint8Array; contentType?: string }): Promise<Report> {
  const outcome = await importFile(file(i), 'zh-CN');
  if (outcome.kind !== 'report') throw new Error(`${i.name}: ${outcome.kind}`);
  return outcome.payload.report;
}

const expected = new Map<string, Report>();
let inputs: TrickyInput[] = [];

beforeAll(async () => {
  for (const [id, doc] of Object.entries(CLEAN)) expected.set(id, await read(doc));
  inputs = [...TRICKY_INPUTS, payloadInput({ report: expected.get('pt-syq-2023'), source: 'x' })];
}, 60_000);

describe('importing a file through the door', () => {
  it('reads every tricky input as its clean page', async () => {
    for (const input of inputs) {
      const report = await read(input);
      const want = expected.get(input.expect)!;
      expect(tables(report), input.name).toEqual(tables(want));
      if (!input.name.startsWith('really-a-docx'))
        expect(report.meta.agencyName, input.name).toBe(want.meta.agencyName);
    }
  }, 60_000);

  it('names a kind it cannot read, in Chinese, instead of reading it', async () => {
    // A WPS 文字 file (an OLE container named .wps): 另存为 .docx 或 PDF.
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const wps = await importFile(file({ name: 'a.wps', bytes: ole }), 'zh-CN');
    expect(wps).toMatchObject({ kind: 'unsupported' });
    expect(wps.kind === 'unsupported' && wps.reason).toContain('WPS');
  });
});
