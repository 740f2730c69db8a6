/**
 * The official formats as data. Every label here is an exact string from
 * docs/report-format.md; the extractor matches against them, the form renders
 * them, and messages name cells with them.
 */

import type { Format } from '../model/report.ts';

export type { Format };
export type Locale = 'zh-CN' | 'en';

/** A label in both languages. `zh` is the canonical official string. */
export interface Label {
  zh: string;
  en: string;
}

/** A value column of a table or sub-table. */
export interface ColumnTemplate {
  /** Key of the column inside a row object (e.g. `naturalPerson`). */
  key: string;
  label: Label;
  /** What the cell holds: a non-negative count, a signed change, or money. */
  kind: 'count' | 'signed' | 'money';
}

/** A data row: one label and one value cell per column. */
export interface RowTemplate {
  /** Path of the row object in the report, e.g. `applications.results.granted`. */
  path: string;
  label: Label;
  /** Group labels above this row, outermost first (e.g. 三、本年度办理结果 › （三）不予公开). */
  groups: Label[];
  /** Cell paths in column order. */
  cells: string[];
}

/** A header cell of the official layout, with its merge. */
export interface HeaderCell {
  label: Label;
  colspan?: number;
  rowspan?: number;
}

/** One sub-table of table 二 (a `第二十条第（…）项` block). */
export interface SubTableTemplate {
  /** e.g. `item1` for 第二十条第（一）项. */
  id: string;
  caption: Label;
  /** Header of the first column (信息内容). */
  rowHeader: Label;
  columns: ColumnTemplate[];
  rows: RowTemplate[];
}

export interface DisclosureTableTemplate {
  id: 'activeDisclosure';
  number: '二';
  title: Label;
  subTables: SubTableTemplate[];
  /** Count of numeric cells in the official table (22 or 10). */
  cellCount: number;
}

export interface GridTableTemplate {
  id: 'applications' | 'appeals';
  number: '三' | '四';
  title: Label;
  columns: ColumnTemplate[];
  /** Header rows of the official layout, top to bottom. */
  header: HeaderCell[][];
  rows: RowTemplate[];
  cellCount: number;
}

export interface SectionTemplate {
  /** 1…6 */
  number: number;
  /** The Chinese ordinal 一…六. */
  ordinal: string;
  heading: Label;
  /** Keywords that identify a variant wording of the heading (spec §9.3). */
  keywords: string[];
}

export interface FormatTemplate {
  format: Format;
  /** The notice that defines the format. */
  notice: Label;
  /** Report years the format applies to (inclusive; `to` undefined = open ended). */
  years: { from: number; to?: number };
  sections: SectionTemplate[];
  activeDisclosure: DisclosureTableTemplate;
  applications: GridTableTemplate;
  appeals: GridTableTemplate;
  /** Labels found only in this format (spec §4), used to detect the format. */
  signatureLabels: string[];
  /** The 勾稽 statement printed in the header of table 三. */
  koujiStatement: string;
}
