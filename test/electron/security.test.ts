import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { denyNavigation, denyWindowOpen, guardWebContents, isAllowedRequestUrl, isAppUrl, isSafeExternalUrl, lockDownSession } from '../../electron/main/security';
import { FakeSession, FakeWebContents } from './helpers/fake-electron';

describe('URL policy', () => {
  it('recognises only pages of our own origin', () => {
    expect(isAppUrl('app://preflight/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://preflight/index.html')).toBe(false);
    expect(isAppUrl('file:///work/dist-web/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it.each([
    ['https://github.com/preflight', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['vscode://extension/x', false],
    ['https://user:secret@example.com', false],
    [`https://example.com/${'a'.repeat(3000)}`, false],
    ['not a url', false],
  ])('may open %s externally: %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });

  it('lets the page request only app:, data:, blob: (and DevTools)', () => {
    expect(isAllowedRequestUrl('app://preflight/assets/a.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AA==')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://preflight/1234')).toBe(true);
    for (const url of ['https://api.openai.com/v1', 'http://127.0.0.1:5173/', 'ws://localhost/', 'file:///etc/passwd']) {
      expect(isAllowedRequestUrl(url)).toBe(false);
    }
  });
});

describe('navigation and new windows', () => {
  it('denies every new window and hands safe links to the OS browser', () => {
    const openExternal = vi.fn();
    const handler = denyWindowOpen(openExternal);
    expect(handler({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://preflight/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/docs']]);
  });

  it('prevents every navigation, including to our own origin', () => {
    const openExternal = vi.fn();
    for (const url of ['https://evil.example/', 'app://preflight/other.html', 'file:///tmp/x.html']) {
      const event = { preventDefault: vi.fn() };
      denyNavigation(openExternal)(event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });

  it('guards any web contents: navigation, frames, window.open and <webview>', () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    guardWebContents(contents as unknown as WebContents, openExternal);

    const navigation = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation, 'https://example.com');
    expect(navigation.preventDefault).toHaveBeenCalled();

    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });

    const frameAway = { preventDefault: vi.fn(), url: 'https://evil.example/', isMainFrame: false };
    const frameHome = { preventDefault: vi.fn(), url: 'app://preflight/report.html', isMainFrame: false };
    contents.emit('will-frame-navigate', frameAway);
    contents.emit('will-frame-navigate', frameHome);
    expect(frameAway.preventDefault).toHaveBeenCalled();
    expect(frameHome.preventDefault).not.toHaveBeenCalled();

    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('session lock-down', () => {
  it('denies every permission request and check, and cancels remote requests', () => {
    const session = new FakeSession();
    lockDownSession(session as unknown as Session);

    const granted = vi.fn();
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      session.permissionRequestHandler?.(null, permission, granted);
    }
    expect(granted.mock.calls.every(([answer]) => answer === false)).toBe(true);
    expect(session.permissionCheckHandler?.(null, 'media')).toBe(false);
    expect(session.devicePermissionHandler?.({})).toBe(false);

    const answer = vi.fn();
    session.beforeRequest?.({ url: 'https://telemetry.example/' }, answer);
    session.beforeRequest?.({ url: 'app://preflight/index.html' }, answer);
    expect(answer.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
  });
});
