/**
 * Reading the top-level structure of a report from `report.sections` (the
 * headings as found, in order, duplicates and strays included). The structure
 * rules (S-*) and the narrative rules (XT-*, XY-DUPLICATE-TEXT) share this
 * reading so that they agree on which heading is section N.
 */
import { normalizeLabel } from '../core/normalize.ts';
import type { Report, Section } from '../model/report.ts';
import { CHINESE_ORDINALS, SECTIONS } from '../templates/index.ts';

export interface SectionEntry {
  /** Position in `report.sections`. */
  index: number;
  section: Section;
  /** 1…6 for a heading that names one of the six sections, else undefined. */
  number?: number;
  /** Number of the ordinal as written (一 → 1, 七 → 7), or undefined. */
  ordinalNumber?: number;
  /** How the section was recognised: by its ordinal, or by keywords of a heading without one. */
  by?: 'ordinal' | 'keyword';
}

export interface SectionReading {
  entries: SectionEntry[];
  /** The first heading of each section 1…6. */
  canonical: Map<number, SectionEntry>;
  /** Headings that are not the canonical heading of a section (duplicates, strays, extra ordinals). */
  strays: SectionEntry[];
  /** Whether any text was supplied at all (sections or a preamble). */
  hasText: boolean;
}

/** 一 → 1 … 十 → 10; undefined for anything else. */
export function ordinalValue(ordinal: string | null | undefined): number | undefined {
  if (!ordinal) return undefined;
  const i = CHINESE_ORDINALS.indexOf(ordinal.trim());
  return i === -1 ? undefined : i + 1;
}

/** Which of the six sections a heading's wording names, by the template keywords. */
export function sectionByKeywords(heading: string): number | undefined {
  const text = normalizeLabel(heading);
  for (const tpl of SECTIONS) {
    if (tpl.keywords.some((k) => text.includes(normalizeLabel(k)))) return tpl.number;
  }
  return undefined;
}

/**
 * Assigns each heading to a section: ordinal N (一…六) makes it section N, a
 * heading without an ordinal is placed by its keywords. The first heading of
 * each number is that section's; later ones (the seed's `二、下步打算` inside
 * 五), ordinals beyond 六 and unrecognised headings are strays.
 */
export function readSections(report: Report): SectionReading {
  const sections = Array.isArray(report.sections) ? report.sections : [];
  const entries: SectionEntry[] = [];
  const canonical = new Map<number, SectionEntry>();
  const strays: SectionEntry[] = [];
  // A heading without an ordinal (概述, S31) only stands for a section whose
  // ordinal heading is not in the report.
  const explicit = new Set(sections.map((s) => ordinalValue(s.ordinal)));
  sections.forEach((section, index) => {
    const ordinalNumber = ordinalValue(section.ordinal);
    const entry: SectionEntry = {
      index,
      section,
      ...(ordinalNumber !== undefined && { ordinalNumber }),
    };
    const byWords = ordinalNumber === undefined ? sectionByKeywords(section.heading) : undefined;
    const keyword = byWords !== undefined && !explicit.has(byWords) ? byWords : undefined;
    const candidate = ordinalNumber !== undefined && ordinalNumber <= 6 ? ordinalNumber : keyword;
    if (candidate !== undefined && !canonical.has(candidate)) {
      entry.number = candidate;
      entry.by = ordinalNumber !== undefined ? 'ordinal' : 'keyword';
      canonical.set(candidate, entry);
    } else {
      strays.push(entry);
    }
    entries.push(entry);
  });
  const reading: SectionReading = {
    entries,
    canonical,
    strays,
    hasText: sections.length > 0 || Boolean(report.preamble?.trim()),
  };
  return reading;
}

/**
 * The text that belongs to section N: its own text plus the text (heading
 * included) of the strays nested in it before the next section. The seed's
 * `二、下步打算` is the improvement part of its section 五.
 */
export function sectionText(report: Report, number: number): string | undefined {
  const reading = readSections(report);
  const entry = reading.canonical.get(number);
  if (!entry) return undefined;
  const parts = [entry.section.text];
  for (const next of reading.entries.slice(entry.index + 1)) {
    if (next.number !== undefined) break;
    parts.push(`${next.section.heading}\n${next.section.text}`);
  }
  return parts.join('\n');
}

/** The path findings use for section N. */
export const sectionPath = (number: number) => `sections.${number}`;

/** Whether the text is empty or only says "none" (无 / 无。 / 暂无). */
export function isEmptyText(text: string | undefined): boolean {
  if (!text) return true;
  const t = text.replace(/[\s\u3000。.;；:：!！、,，]+/g, '');
  return t === '' || /^(?:无|暂无|没有|无其他需要报告的事项|本年度无|无相关情况|无此情况)$/.test(t);
}
