/**
 * Marks findings on the page. A mark is one outline: the cells of a finding
 * that touch each other are outlined together (a blank column is one box, see
 * outlines.ts), in the severity's colour, with the finding's numbered badge on
 * its primary cell. The culprit of a pinpointed finding (the cell its fix
 * changes) gets the strongest mark: a thick outline and a tint. A tooltip on
 * hover gives the message and the fix. A summary bar with the counts lives in a
 * closed shadow root, isolated from the page's styles.
 *
 * Nothing of the page's text is ever inserted as HTML (textContent only), the
 * page's elements only gain attributes (recorded in a ledger) and our styles are
 * an adopted stylesheet, so `remove()` gives back the page exactly as it was.
 */
import type { Locale, Severity } from '@nianbao/schema';
import type { CheckState, SeverityCounts } from '../shared/types.ts';
import { AttributeLedger } from './ledger.ts';
import { groupCells } from './outlines.ts';

export interface CellMark {
  element: Element;
  /** The finding's number (its badge). */
  number: number;
  ruleId: string;
  severity: Severity;
  role: 'primary' | 'involved';
  /** The cell the finding's fix (or one of its fixes) changes: marked first and strongest. */
  culprit?: boolean;
  /** The rule's short name, shown in the tooltip (the id when absent). */
  name?: string;
  /** Cell path, e.g. `applications.results.total.total`. */
  path: string;
  message: string;
  /** The suggested correction, already worded, when there is one. */
  fix?: string;
}

export interface SummaryOptions {
  locale: Locale;
  state: CheckState;
  counts: SeverityCounts;
  reports: number;
  /** One line shown instead of counts (e.g. why no report was read). */
  note?: string;
  /** Called when the reviewer clicks "hide marks" in the bar. */
  onHide?: () => void;
}

export interface Marks {
  /** Scrolls to a finding's cell and flashes it; false when it has no cell on the page. */
  reveal(number: number): boolean;
  /** Removes every mark, the bar and our styles: the page is as before. */
  remove(): void;
  readonly markedCells: number;
  /** Outlines drawn on the page (a block of touching cells of one finding is one). */
  readonly outlines: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const FLASH_MS = 1600;

const TEXT = {
  'zh-CN': {
    brand: '年报检查',
    error: '错误',
    warning: '警告',
    info: '提示',
    notes: '读取说明',
    reports: '份报告',
    hide: '隐藏标记',
    involved: '涉及',
    noReport: '本页未找到年度报告',
    failed: '检查失败',
  },
  en: {
    brand: 'nianbao',
    error: 'error',
    warning: 'warning',
    info: 'info',
    notes: 'reading note',
    reports: 'reports',
    hide: 'Hide marks',
    involved: 'involved in',
    noReport: 'No annual report found on this page',
    failed: 'The check failed',
  },
} as const;

const PAGE_CSS = `
[data-nianbao-mark] { position: relative !important; --nb-c: #dc2626; --nb-t: 0 0 #0000; --nb-r: 0 0 #0000;
  --nb-b: 0 0 #0000; --nb-l: 0 0 #0000; }
[data-nianbao-severity="warning"] { --nb-c: #d97706 !important; }
[data-nianbao-severity="info"] { --nb-c: #2563eb !important; }
[data-nianbao-edge] { box-shadow: var(--nb-t), var(--nb-r), var(--nb-b), var(--nb-l) !important; }
[data-nianbao-edge~="t"] { --nb-t: inset 0 2px var(--nb-c) !important; }
[data-nianbao-edge~="r"] { --nb-r: inset -2px 0 var(--nb-c) !important; }
[data-nianbao-edge~="b"] { --nb-b: inset 0 -2px var(--nb-c) !important; }
[data-nianbao-edge~="l"] { --nb-l: inset 2px 0 var(--nb-c) !important; }
[data-nianbao-culprit] { outline: 3px solid var(--nb-c) !important; outline-offset: -3px !important;
  background-color: color-mix(in srgb, var(--nb-c) 16%, transparent) !important; }
[data-nianbao-badge]::after {
  content: attr(data-nianbao-badge) !important; position: absolute !important; top: -0.7em !important;
  right: -0.5em !important; z-index: 2147483646 !important; pointer-events: none !important;
  background: #dc2626 !important; color: #fff !important; border-radius: 9px !important;
  font: bold 11px/16px system-ui, sans-serif !important; padding: 0 5px !important; white-space: nowrap !important;
}
[data-nianbao-badge][data-nianbao-severity="warning"]::after { background: #b45309 !important; }
[data-nianbao-badge][data-nianbao-severity="info"]::after { background: #2563eb !important; }
[data-nianbao-flash] { animation: nianbao-flash 0.4s ease-in-out 4 alternate !important; }
@keyframes nianbao-flash { from { background-color: transparent; } to { background-color: #fde047; } }
`;

const SHADOW_CSS = `
:host { all: initial !important; }
.bar { position: fixed; right: 12px; bottom: 12px; z-index: 2147483647; display: flex; gap: 8px;
  align-items: center; padding: 6px 10px; border-radius: 8px; background: #111827; color: #f9fafb;
  font: 13px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.3); max-width: 60vw; }
.chip { padding: 0 6px; border-radius: 6px; font-weight: 600; }
.error { background: #dc2626; } .warning { background: #b45309; } .info { background: #2563eb; }
button { font: inherit; color: inherit; background: #374151; border: 0; border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.tip { position: fixed; z-index: 2147483647; max-width: 420px; padding: 8px 10px; border-radius: 6px;
  background: #fff; color: #111827; border: 1px solid #9ca3af; box-shadow: 0 2px 10px rgba(0,0,0,.25);
  font: 13px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; pointer-events: none; white-space: normal; }
.tip[hidden] { display: none; }
.item + .item { margin-top: 6px; padding-top: 6px; border-top: 1px solid #e5e7eb; }
.head { font-weight: 600; } .fix { color: #047857; }
`;

export function applyMarks(doc: Document, marks: CellMark[], summary: SummaryOptions): Marks {
  const text = TEXT[summary.locale === 'en' ? 'en' : 'zh-CN'];
  const ledger = new AttributeLedger();
  const byElement = new Map<Element, CellMark[]>();
  for (const mark of marks) {
    const list = byElement.get(mark.element);
    if (list) list.push(mark);
    else byElement.set(mark.element, [mark]);
  }

  const drawn = new Set<number>();
  // Whatever fails half-way is undone, so the page is never left half-marked.
  const undo: (() => void)[] = [() => ledger.restoreAll()];
  try {
    const outlines = outlinesOf(marks);
    for (const [element, list] of byElement) {
      const primaries = list.filter((m) => m.role === 'primary');
      const worst = [...list].sort(
        (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
      )[0]!;
      ledger.set(element, 'data-nianbao-finding', unique(list.map((m) => m.ruleId)).join(' '));
      ledger.set(element, 'data-nianbao-cell', list[0]!.path);
      ledger.set(element, 'data-nianbao-mark', primaries.length ? 'primary' : 'involved');
      ledger.set(element, 'data-nianbao-severity', worst.severity);
      if (primaries.length) {
        ledger.set(
          element,
          'data-nianbao-primary',
          unique(primaries.map((m) => m.ruleId)).join(' '),
        );
        ledger.set(
          element,
          'data-nianbao-badge',
          unique(primaries.map((m) => String(m.number))).join(','),
        );
      }
      const culprit = outlines.culprit.get(element);
      if (culprit !== undefined) {
        ledger.set(element, 'data-nianbao-culprit', String(culprit));
        drawn.add(culprit);
      }
      const block = outlines.block.get(element);
      if (block) {
        ledger.set(element, 'data-nianbao-outline', String(block.id));
        if (block.edges.length) ledger.set(element, 'data-nianbao-edge', block.edges.join(' '));
        drawn.add(block.id);
      }
    }

    // Cells may live in same-origin frames: each document gets our styles and listeners.
    const docs = unique([doc, ...marks.map((m) => m.element.ownerDocument)]);
    for (const d of docs) undo.push(addPageStyles(d, PAGE_CSS));
    const { host, tip } = buildOverlay(doc, summary, text, byElement.size, drawn.size);
    undo.push(() => host.remove());
    for (const d of docs) undo.push(wireTooltips(doc, d, byElement, tip, text));
  } catch (error) {
    for (const step of undo.reverse()) step();
    throw error;
  }

  const timers = new Set<ReturnType<typeof setTimeout>>();
  let removed = false;

  return {
    markedCells: byElement.size,
    outlines: drawn.size,
    reveal(number) {
      if (removed) return false;
      const target =
        marks.find((m) => m.number === number && m.role === 'primary') ??
        marks.find((m) => m.number === number);
      if (!target) return false;
      try {
        target.element.scrollIntoView({ block: 'center', inline: 'nearest' });
      } catch {
        // detached or exotic element: flashing still helps
      }
      ledger.restore(target.element, 'data-nianbao-flash');
      ledger.set(target.element, 'data-nianbao-flash', '');
      const timer = setTimeout(() => {
        timers.delete(timer);
        ledger.restore(target.element, 'data-nianbao-flash');
      }, FLASH_MS);
      timers.add(timer);
      return true;
    },
    remove() {
      if (removed) return;
      removed = true;
      for (const timer of timers) clearTimeout(timer);
      // In reverse: listeners, bar, styles, then the cells' attributes.
      for (const step of [...undo].reverse()) step();
    },
  };
}

interface DrawnBlock {
  id: number;
  edges: string[];
  rank: number;
}

/**
 * The outlines of the marks: per finding, its culprit cells (the cells its fix
 * changes) and its other cells, each split into blocks of touching cells. A cell
 * in several blocks draws the border of the most severe one (then the lowest
 * finding number). Ids are 1-based and stable for a given list of marks.
 */
function outlinesOf(marks: CellMark[]): {
  culprit: Map<Element, number>;
  block: Map<Element, DrawnBlock>;
} {
  const culprit = new Map<Element, number>();
  const block = new Map<Element, DrawnBlock>();
  const byFinding = new Map<number, CellMark[]>();
  for (const mark of marks) {
    const list = byFinding.get(mark.number);
    if (list) list.push(mark);
    else byFinding.set(mark.number, [mark]);
  }
  const grids = new Map();
  let id = 0;
  for (const [number, list] of [...byFinding].sort((a, b) => a[0] - b[0])) {
    const rank = SEVERITY_RANK[list[0]!.severity] * 1e6 + number;
    const culprits = list.filter((m) => m.culprit).map((m) => m.element);
    for (const group of groupCells(culprits, grids)) {
      id++;
      for (const element of group.elements) if (!culprit.has(element)) culprit.set(element, id);
    }
    const rest = list.filter((m) => !m.culprit).map((m) => m.element);
    for (const group of groupCells(rest, grids)) {
      id++;
      for (const element of group.elements) {
        const held = block.get(element);
        if (held && held.rank <= rank) continue;
        block.set(element, { id, edges: group.edges.get(element) ?? [], rank });
      }
    }
  }
  return { culprit, block };
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Our page CSS as an adopted stylesheet (absent from the DOM, not subject to the page's CSP). */
function addPageStyles(doc: Document, css: string): () => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view?.CSSStyleSheet && 'adoptedStyleSheets' in doc) {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // fall back to a <style> element below
  }
  const style = doc.createElement('style');
  style.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(style);
  return () => style.remove();
}

function buildOverlay(
  doc: Document,
  summary: SummaryOptions,
  text: (typeof TEXT)[keyof typeof TEXT],
  markedCells: number,
  outlines: number,
): { host: HTMLElement; tip: HTMLElement } {
  // A fresh tag name each time: a page cannot define (hijack) a custom element it cannot name.
  const host = doc.createElement(`nianbao-summary-${randomSuffix()}`);
  host.setAttribute('data-nianbao-summary', '');
  host.setAttribute('data-state', summary.state);
  host.setAttribute('data-errors', String(summary.counts.error));
  host.setAttribute('data-warnings', String(summary.counts.warning));
  host.setAttribute('data-infos', String(summary.counts.info));
  host.setAttribute('data-reports', String(summary.reports));
  host.setAttribute('data-notes', String(summary.counts.notes ?? 0));
  host.setAttribute('data-marked', String(markedCells));
  host.setAttribute('data-marks', String(outlines));
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  shadow.appendChild(style);

  const bar = el(doc, 'div', 'bar');
  bar.setAttribute('role', 'status');
  bar.appendChild(el(doc, 'strong', '', text.brand));
  if (summary.note || summary.state !== 'done') {
    const fallback = summary.state === 'error' ? text.failed : text.noReport;
    bar.appendChild(el(doc, 'span', '', summary.note ?? fallback));
  } else {
    if (summary.reports > 1)
      bar.appendChild(el(doc, 'span', '', `${summary.reports} ${text.reports}`));
    for (const severity of ['error', 'warning', 'info'] as const) {
      bar.appendChild(
        el(
          doc,
          'span',
          `chip ${severity}`,
          countText(summary.locale, text[severity], summary.counts[severity]),
        ),
      );
    }
    const notes = summary.counts.notes ?? 0;
    if (notes)
      bar.appendChild(el(doc, 'span', 'chip', countText(summary.locale, text.notes, notes)));
  }
  if (summary.onHide) {
    const hide = el(doc, 'button', '', text.hide);
    hide.setAttribute('type', 'button');
    const onHide = summary.onHide;
    hide.addEventListener('click', () => onHide());
    bar.appendChild(hide);
  }
  shadow.appendChild(bar);
  const tip = el(doc, 'div', 'tip');
  tip.hidden = true;
  tip.setAttribute('role', 'tooltip');
  shadow.appendChild(tip);
  (doc.body ?? doc.documentElement).appendChild(host);
  return { host, tip };
}

/** Where a frame's viewport sits in the top document's viewport. */
function frameOffset(inner: Document, top: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let current: Document | null = inner;
  while (current && current !== top) {
    const frame: Element | null | undefined = current.defaultView?.frameElement;
    if (!frame) break;
    const rect = frame.getBoundingClientRect();
    x += rect.left + frame.clientLeft;
    y += rect.top + frame.clientTop;
    current = frame.ownerDocument;
  }
  return { x, y };
}

function wireTooltips(
  doc: Document,
  listenOn: Document,
  byElement: Map<Element, CellMark[]>,
  tip: HTMLElement,
  text: (typeof TEXT)[keyof typeof TEXT],
): () => void {
  const show = (event: Event) => {
    try {
      showFor(event);
    } catch {
      // a detached cell or an exotic target: no tooltip, and nothing in the page's console
    }
  };
  const showFor = (event: Event) => {
    const target = event.target as Element | null;
    const cell = target?.closest?.('[data-nianbao-mark]');
    const list = cell ? byElement.get(cell) : undefined;
    if (!cell || !list) return;
    tip.replaceChildren();
    for (const mark of list) {
      const item = el(doc, 'div', 'item');
      const prefix =
        mark.role === 'primary' ? `#${mark.number}` : `${text.involved} #${mark.number}`;
      item.appendChild(
        el(doc, 'div', 'head', `${prefix} · ${text[mark.severity]} · ${mark.name ?? mark.ruleId}`),
      );
      item.appendChild(el(doc, 'div', '', mark.message));
      if (mark.fix && mark.role === 'primary') item.appendChild(el(doc, 'div', 'fix', mark.fix));
      tip.appendChild(item);
    }
    const offset = frameOffset(listenOn, doc);
    const inner = cell.getBoundingClientRect();
    const rect = {
      top: inner.top + offset.y,
      bottom: inner.bottom + offset.y,
      left: inner.left + offset.x,
    };
    const view = doc.defaultView;
    const below = rect.bottom + 6;
    const top = view && below > view.innerHeight - 120 ? Math.max(4, rect.top - 130) : below;
    tip.style.top = `${top}px`;
    tip.style.left = `${Math.max(4, Math.min(rect.left, (view?.innerWidth ?? 800) - 430))}px`;
    tip.hidden = false;
  };
  const hide = (event: Event) => {
    try {
      hideFor(event);
    } catch {
      tip.hidden = true;
    }
  };
  const hideFor = (event: Event) => {
    const related = (event as MouseEvent).relatedTarget as Element | null;
    const from = (event.target as Element | null)?.closest?.('[data-nianbao-mark]');
    if (from && related && from.contains(related)) return;
    tip.hidden = true;
  };
  listenOn.addEventListener('mouseover', show, true);
  listenOn.addEventListener('focusin', show, true);
  listenOn.addEventListener('mouseout', hide, true);
  listenOn.addEventListener('focusout', hide, true);
  return () => {
    listenOn.removeEventListener('mouseover', show, true);
    listenOn.removeEventListener('focusin', show, true);
    listenOn.removeEventListener('mouseout', hide, true);
    listenOn.removeEventListener('focusout', hide, true);
  };
}

/** `错误 2` in Chinese; `1 error`, `2 errors` in English. */
export function countText(locale: Locale, word: string, n: number): string {
  return locale === 'en' ? `${n} ${word}${n === 1 ? '' : 's'}` : `${word} ${n}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  content?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}
