// Writes test/fixtures/corpus/<id>.report.json (see corpus-fixtures.ts):
//   npx tsx --conditions=@nianbao/source packages/schema/scripts/build-corpus-fixtures.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORPUS_FIXTURES, renderFixture } from './corpus-fixtures.ts';

const outDir = fileURLToPath(new URL('../test/fixtures/corpus/', import.meta.url));
mkdirSync(outDir, { recursive: true });
for (const cfg of CORPUS_FIXTURES) {
  writeFileSync(`${outDir}${cfg.id}.report.json`, renderFixture(cfg));
  console.log(`wrote ${cfg.id}.report.json`);
}
// Lay the JSON out as the repository's formatter does, so that `npm run lint` stays clean.
const biome = fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url));
execFileSync(biome, ['format', '--write', outDir], { stdio: 'inherit' });
