/**
 * Turns a DOM into a flat list of text blocks and tables, in reading order.
 * Uses only the DOM Core interface (nodeType, childNodes, tagName,
 * textContent, getAttribute), so it runs unchanged on a live page, on a
 * DOMParser document and on a Node DOM library. Iterative, so deeply nested
 * markup cannot overflow the stack.
 */

export type Block =
  | { kind: 'text'; text: string; element: Element }
  | { kind: 'table'; element: Element; index: number };

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'SVG',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'CANVAS',
  'BUTTON',
  'INPUT',
]);

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'BLOCKQUOTE',
  'PRE',
  'DL',
  'DT',
  'DD',
  'FORM',
  'CENTER',
  'ADDRESS',
  'FIGURE',
  'FIGCAPTION',
  'MAIN',
  'BODY',
  'HTML',
  'BR',
  'HR',
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
  'TABLE',
]);

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const DOCUMENT = 9;

export function tagOf(node: Node): string {
  return ((node as Element).tagName ?? '').toUpperCase();
}

/**
 * Tables that lay out the page rather than hold data: those that contain other
 * tables. One pass over the tree under `root` adds each table's nearest
 * enclosing table to `layout` (asking every table for its descendant tables
 * was quadratic in the nesting: 10,000 nested tables took 12 s).
 */
function markLayoutTables(root: Node, layout: Set<Element>): void {
  const stack: [Node, Element | null][] = [[root, null]];
  while (stack.length > 0) {
    const [node, enclosing] = stack.pop()!;
    let inner = enclosing;
    if (node.nodeType === ELEMENT && tagOf(node) === 'TABLE') {
      if (enclosing) layout.add(enclosing);
      inner = node as Element;
    }
    const children = (node as Element).children;
    if (!children) continue;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, inner]);
  }
}

export interface WalkResult {
  blocks: Block[];
  /** Every data table in document order (the `table` index of provenance). */
  tables: Element[];
  /** Frames whose document could not be read (cross-origin). */
  skippedFrames: number;
}

/** Collapses whitespace the way a reader sees it. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

export function linearize(root: Document | Element): WalkResult {
  const blocks: Block[] = [];
  const tables: Element[] = [];
  let skippedFrames = 0;
  let buffer = '';
  const start: Node =
    root.nodeType === DOCUMENT
      ? ((root as Document).body ?? (root as Document).documentElement)
      : root;
  if (!start) return { blocks, tables, skippedFrames };
  let owner: Element = start as Element;
  const layout = new Set<Element>();
  markLayoutTables(start, layout);

  const flush = () => {
    const text = collapse(buffer);
    buffer = '';
    if (text) blocks.push({ kind: 'text', text, element: owner });
  };

  // Stack entries: a node to enter, or a marker to close a block element.
  const stack: (Node | { close: Element; previous: Element })[] = [start];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) {
      flush();
      owner = item.previous;
      continue;
    }
    const node = item;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      buffer += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== DOCUMENT) continue;
    const tag = tagOf(node);
    if (SKIP.has(tag)) continue;
    if (tag === 'TABLE' && !layout.has(node as Element)) {
      flush();
      blocks.push({ kind: 'table', element: node as Element, index: tables.length });
      tables.push(node as Element);
      continue;
    }
    if (tag === 'IFRAME' || tag === 'FRAME') {
      let body: Element | null = null;
      try {
        const doc = (node as HTMLIFrameElement).contentDocument;
        body = doc?.body ?? null;
      } catch {
        body = null;
      }
      if (body) {
        markLayoutTables(body, layout);
        flush();
        stack.push({ close: body, previous: owner }, body);
      } else if ((node as Element).getAttribute('src')) {
        skippedFrames++;
      }
      continue;
    }
    const children = node.childNodes;
    if (BLOCK.has(tag)) {
      flush();
      stack.push({ close: node as Element, previous: owner });
      owner = node as Element;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return { blocks, tables, skippedFrames };
}

/**
 * Lowest common ancestor of some elements (null when they share none). Each
 * element walks up only until it meets a node already seen, so the work is
 * linear in the tree, however deep (not elements × depth).
 */
export function commonAncestor(elements: Element[]): Element | null {
  if (elements.length === 0) return null;
  const chain: Element[] = []; // from the first element up to its root
  for (let node: Element | null = elements[0]!; node; node = node.parentElement) chain.push(node);
  // Node → index in `chain` where the way up from it joins the chain.
  const joins = new Map<Element, number>();
  for (let i = 0; i < chain.length; i++) joins.set(chain[i]!, i);
  let best = 0;
  for (let k = 1; k < elements.length; k++) {
    const path: Element[] = [];
    let node: Element | null = elements[k]!;
    let at = node ? joins.get(node) : undefined;
    while (node && at === undefined) {
      path.push(node);
      node = node.parentElement;
      at = node ? joins.get(node) : undefined;
    }
    if (at === undefined) return null;
    for (const p of path) joins.set(p, at);
    best = Math.max(best, at);
  }
  return chain[best] ?? null;
}

/**
 * `contains` for many nodes under one ancestor: each answer is remembered for
 * every node on the way up, so asking for all the lines of a deep page is linear.
 */
export function containsMany(ancestor: Element): (node: Element) => boolean {
  const known = new Map<Element, boolean>([[ancestor, true]]);
  return (node) => {
    const path: Element[] = [];
    let el: Element | null = node;
    let answer = false;
    while (el) {
      const hit = known.get(el);
      if (hit !== undefined) {
        answer = hit;
        break;
      }
      path.push(el);
      el = el.parentElement;
    }
    for (const p of path) known.set(p, answer);
    return answer;
  };
}

export function contains(ancestor: Element, node: Element): boolean {
  let el: Element | null = node;
  while (el) {
    if (el === ancestor) return true;
    el = el.parentElement;
  }
  return false;
}
