/**
 * HTML preparation shared by the Node and browser entries: the size limit,
 * the source-line annotation that gives HTML-string cells a line number, and
 * stripping what a DOM would parse for nothing. What a document is and how its
 * bytes decode is decided in `door/`.
 */

/** Bytes read at most from one input (5 MB pages are fine; 50 MB is not a report). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Marks every `<td>`/`<th>` start tag with its 1-based source line, so cells
 * parsed by a DOM library that tracks no positions still say where they are.
 */
export function annotateSourceLines(html: string): string {
  let line = 1;
  let last = 0;
  return html.replace(/<(td|th)(?=[\s>/])/gi, (_m, tag: string, offset: number) => {
    for (let i = last; i < offset; i++) if (html.charCodeAt(i) === 10) line++;
    last = offset;
    return `<${tag} data-nb-line="${line}"`;
  });
}

/**
 * Drops what a DOM library would parse for nothing: scripts, styles and
 * comments (portal pages carry 80–200 K characters of them around the report).
 * An HTML parser ends a script at the first `</script`, and so does this.
 */
export function stripInert(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}
