// jsdom ships no typings; the benchmark needs only this much.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string);
    window: { document: Document };
  }
}
