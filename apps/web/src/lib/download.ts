/** Saves text as a file through the browser's download, without any network. */
export function downloadText(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the agency and year, safe on every system. */
export function reportFileName(
  agencyName: string | undefined,
  year: number | undefined,
  ext: string,
): string {
  const base = [agencyName?.trim(), year, '政府信息公开工作年度报告']
    .filter((p) => p !== undefined && p !== '')
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${base}.${ext}`;
}
