/// <reference types="vite/client" />

// crxjs: `import file from './script.ts?script'` gives the built file's name for chrome.scripting.
declare module '*?script' {
  const fileName: string;
  export default fileName;
}
