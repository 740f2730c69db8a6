// Test helper: a real DOM (happy-dom) for the page-side modules, one window per document.
import { Window } from 'happy-dom';

export function parsePage(html: string, url = 'https://www.pingtan.gov.cn/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableChildPageNavigation: true, disableChildFrameNavigation: true },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return doc as unknown as Document;
}
