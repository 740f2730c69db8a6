import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function Broken(): never {
  throw new Error('boom');
}

it('shows a message and a way out instead of a blank page when rendering fails', () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  render(
    <ErrorBoundary>
      <Broken />
    </ErrorBoundary>,
  );
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('页面出错了');
  expect(alert.textContent).toContain('boom');
  expect(screen.getByRole('button', { name: '新建空白报告' })).toBeTruthy();
  expect(screen.getByRole('button', { name: '重新加载' })).toBeTruthy();
  quiet.mockRestore();
});
