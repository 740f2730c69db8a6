// Every "spec §N" that a rule cites (in its metadata or its README) must name a
// section of docs/report-format.md, the specification kept in the repository.
// §N.M is a heading "### N.M"; §11.N is item N of the numbered list under §11.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const spec = readFileSync(`${root}docs/report-format.md`, 'utf8');
const rulesDir = `${root}packages/schema/src/rules/`;

/** The section numbers the specification defines: headings and numbered list items. */
function specSections(text: string): Set<string> {
  const found = new Set<string>();
  let top = '';
  for (const line of text.split('\n')) {
    const heading = /^#{2,4}\s+(\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (heading) {
      found.add(heading[1]!);
      top = heading[1]!.split('.')[0]!;
      continue;
    }
    const item = /^(\d+)\.\s/.exec(line);
    if (item && top) found.add(`${top}.${item[1]}`);
  }
  return found;
}

/** Every §-reference in a text that follows the word "spec" (also in a list: "spec §3.2、§11.1"). */
function citedSections(text: string): string[] {
  const cited: string[] = [];
  for (const m of text.matchAll(/spec\s*((?:§\d+(?:\.\d+)*[\s,，、和及and]*)+)/g))
    for (const ref of m[1]!.matchAll(/§(\d+(?:\.\d+)*)/g)) cited.push(ref[1]!);
  return cited;
}

const sections = specSections(spec);
const ruleIds = readdirSync(rulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('spec references', () => {
  it('the specification defines its sections', () => {
    for (const n of ['0', '1.1', '2.5', '3.4', '6.3', '9.3', '10', '11.4'])
      expect(sections).toContain(n);
  });

  it.each(ruleIds)('%s cites only sections that exist', (id) => {
    const texts = ['index.ts', 'README.md'].map((f) =>
      readFileSync(`${rulesDir}${id}/${f}`, 'utf8'),
    );
    const cited = texts.flatMap(citedSections);
    for (const n of cited) expect(sections, `${id} cites spec §${n}`).toContain(n);
  });

  it('the rules cite the specification at all', () => {
    const all = ruleIds.flatMap((id) =>
      citedSections(readFileSync(`${rulesDir}${id}/index.ts`, 'utf8')),
    );
    expect(all.length).toBeGreaterThan(40);
  });
});
