import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('loadConfig', () => {
  it('has safe defaults: loopback, 8787, 10 MB, rate limit on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      bodyLimit: 10 * 1024 * 1024,
      rateLimit: { enabled: true, max: 300, windowMs: 60_000 },
      trustProxy: false,
      logLevel: 'info',
    });
    expect(config.webDist).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      BODY_LIMIT: '512kb',
      RATE_LIMIT: 'off',
      RATE_LIMIT_MAX: '10',
      RATE_LIMIT_WINDOW_MS: '5000',
      TRUST_PROXY: 'yes',
      LOG_LEVEL: 'silent',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      WEB_DIST: '/srv/web',
      SHUTDOWN_TIMEOUT_MS: '100',
      EXTRACT_TIMEOUT_MS: '5000',
      EXTRACT_WORKERS: '4',
      REQUEST_DEADLINE_MS: '9000',
      QUEUE_PER_CLIENT: '7',
      WORKER_HEAP_MB: '256',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      bodyLimit: 512 * 1024,
      rateLimit: { enabled: false, max: 10, windowMs: 5000 },
      trustProxy: true,
      logLevel: 'silent',
      corsOrigins: ['https://a.example', 'https://b.example'],
      webDist: '/srv/web',
      shutdownTimeoutMs: 100,
      extract: { timeoutMs: 5000, workers: 4, queuePerClient: 7, heapMb: 256 },
      requestDeadlineMs: 9000,
    });
  });

  it.each([
    ['1048576', 1048576],
    ['2MB', 2 * 1024 * 1024],
    ['1.5m', 1.5 * 1024 * 1024],
    ['100b', 100],
  ])('parses BODY_LIMIT=%s', (value, bytes) => {
    expect(loadConfig({ BODY_LIMIT: value }).bodyLimit).toBe(bytes);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', RATE_LIMIT: ' ' }).port).toBe(8787);
  });

  it('names every bad variable with its value and what was expected', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'http', BODY_LIMIT: 'lots', RATE_LIMIT: 'maybe', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(message).toContain('PORT="http": expected a whole number from 0 to 65535');
    expect(message).toContain('BODY_LIMIT="lots": expected a size such as 10mb');
    expect(message).toContain('RATE_LIMIT="maybe": expected on/off');
    expect(message).toContain('LOG_LEVEL="loud": expected one of debug');
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000"/);
  });
});
