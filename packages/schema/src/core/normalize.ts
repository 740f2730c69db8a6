/**
 * Label normalisation of spec §9.3: labels are compared after this, while the
 * canonical (fullwidth) strings of the templates stay as they are.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC') // fullwidth brackets, colons, commas and digits → halfwidth
    .replace(/[\s\u00a0\u3000\u200b]+/g, '') // whitespace and line breaks inside labels
    .replace(/[“”„‟″"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/^(\d+)[、.．,]/, '$1.') // 1、 / 1． / 1. are the same ordinal
    .replace(/^\(([一二三四五六七八九十]+)\)[、.,]?/, '($1)') // （一）、 is （一）
    .replace(/^([一二三四五六七八九十]+)[.,]/, '$1、');
}
