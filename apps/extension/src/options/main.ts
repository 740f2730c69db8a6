import { isHttpUrl, loadSettings, saveSettings } from '../shared/settings.ts';

const form = document.getElementById('options') as HTMLFormElement;
const status = document.getElementById('status')!;
const field = <T extends Element>(name: string) => form.elements.namedItem(name) as unknown as T;

async function start(): Promise<void> {
  const settings = await loadSettings();
  field<HTMLInputElement>('autoCheck').checked = settings.autoCheck;
  field<HTMLInputElement>('formUrl').value = settings.formUrl;
  field<HTMLSelectElement>('locale').value = settings.locale;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const formUrl = field<HTMLInputElement>('formUrl').value.trim();
  if (!isHttpUrl(formUrl)) {
    status.className = 'error';
    status.textContent = '请输入 http(s) 地址 / Enter an http(s) address';
    return;
  }
  saveSettings({
    autoCheck: field<HTMLInputElement>('autoCheck').checked,
    formUrl,
    locale: field<HTMLSelectElement>('locale').value === 'en' ? 'en' : 'zh-CN',
  }).then(
    () => {
      status.className = '';
      status.textContent = '已保存 / Saved';
    },
    (error: unknown) => {
      status.className = 'error';
      status.textContent = String(error);
    },
  );
});

start().catch(() => {});
