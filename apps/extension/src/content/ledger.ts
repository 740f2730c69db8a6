/**
 * Remembers the original value of every attribute we set on the page, so that
 * switching the marks off puts back exactly what was there (including
 * attributes a hostile page had already set under our names).
 */
export class AttributeLedger {
  private readonly originals = new Map<Element, Map<string, string | null>>();

  set(element: Element, name: string, value: string): void {
    let saved = this.originals.get(element);
    if (!saved) {
      saved = new Map();
      this.originals.set(element, saved);
    }
    if (!saved.has(name)) saved.set(name, element.getAttribute(name));
    element.setAttribute(name, value);
  }

  /** Puts one attribute back as it was before we first set it. */
  restore(element: Element, name: string): void {
    const saved = this.originals.get(element);
    if (!saved?.has(name)) return;
    const original = saved.get(name)!;
    if (original === null) element.removeAttribute(name);
    else element.setAttribute(name, original);
    saved.delete(name);
    if (saved.size === 0) this.originals.delete(element);
  }

  restoreAll(): void {
    for (const [element, saved] of this.originals) {
      for (const name of [...saved.keys()]) this.restore(element, name);
    }
    this.originals.clear();
  }
}
