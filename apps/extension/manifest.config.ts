import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

/**
 * The manifest as code. Permissions are exactly activeTab, scripting, sidePanel
 * and storage; the only host the extension may touch by itself is *.gov.cn
 * (where nearly every report is published). Anywhere else it runs only when the
 * user clicks the toolbar button (activeTab). No web-accessible resources: the
 * checker is injected with chrome.scripting, so pages cannot probe for it.
 */
export const GOV_CN = '*://*.gov.cn/*';

// public/icons, copied as they are into dist/icons.
const ICONS = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

export default defineManifest({
  manifest_version: 3,
  name: '年报检查 nianbao',
  short_name: 'nianbao',
  description:
    '在政府门户网站页面上检查政府信息公开工作年度报告，并就地标出有误的单元格。Checks annual open-government-information reports on the portal page and marks wrong cells in place.',
  version: pkg.version,
  minimum_chrome_version: '116',
  permissions: ['activeTab', 'scripting', 'sidePanel', 'storage'],
  host_permissions: [GOV_CN],
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  icons: ICONS,
  action: {
    default_title: '检查本页的年度报告 / Check the report on this page',
    default_icon: ICONS,
  },
  side_panel: { default_path: 'src/sidepanel/index.html' },
  options_ui: { page: 'src/options/index.html', open_in_tab: false },
  content_scripts: [
    {
      matches: [GOV_CN],
      js: ['src/content/detector.iife.ts'],
      // Right after parsing: the detector is cheap, and marks should follow the page's readiness.
      run_at: 'document_end',
      all_frames: false,
    },
  ],
  content_security_policy: {
    extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'",
  },
});
