// Prints the HTML a PDF's text layer becomes: npx tsx packages/extract/scripts/pdf-html.ts <file.pdf>
import { readFileSync } from 'node:fs';
import { readPdf } from '../src/pdf/read.ts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(
  'pdfjs-dist/legacy/build/pdf.worker.mjs'
);
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const outcome = await readPdf(new Uint8Array(readFileSync(process.argv[2]!)), pdfjs as never);
if (outcome.kind === 'ok') console.log(outcome.html);
else console.log(outcome);
