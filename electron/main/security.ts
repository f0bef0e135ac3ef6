import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * Security policy applied to every web contents and session. Pure decisions (is this URL ours, is it
 * safe to hand to the OS browser, may this request leave the machine) are exported for tests; the
 * `install…` functions only wire them to Electron.
 */

/** True for pages and frames served by our own scheme (the only ones that may call IPC). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Links may leave the app only as https URLs without credentials, opened by the OS browser: never
 * file:, javascript:, custom schemes (which can launch other apps) or http (no downgrade).
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Schemes the app's page may request: its own files, inline data, and DevTools in development. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/** The page never talks to the network or the file system directly (the CSP says so too). */
export function isAllowedRequestUrl(url: string): boolean {
  try {
    return ALLOWED_REQUEST_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export type OpenExternal = (url: string) => Promise<void> | void;

/** `setWindowOpenHandler`: no new windows ever; a safe https link goes to the OS browser instead. */
export function denyWindowOpen(openExternal: OpenExternal) {
  return (details: { url: string }): { action: 'deny' } => {
    if (isSafeExternalUrl(details.url)) void openExternal(details.url);
    return { action: 'deny' };
  };
}

/** `will-navigate`: the renderer is a single page, so every navigation away from it is refused. */
export function denyNavigation(openExternal: OpenExternal) {
  return (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault();
    if (isSafeExternalUrl(url)) void openExternal(url);
  };
}

/** `will-frame-navigate`: no frame (iframe, e.g. inside a report preview) may leave our origin. */
export function denyForeignFrameNavigation(event: { preventDefault(): void; url: string }): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/** Applied from `app.on('web-contents-created')`, so it covers every window, including the PDF one. */
export function guardWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', denyNavigation(openExternal));
  contents.on('will-frame-navigate', denyForeignFrameNavigation);
  contents.setWindowOpenHandler(denyWindowOpen(openExternal));
  // <webview> could load remote content with its own preferences: never allowed.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No permission (camera, notifications, clipboard read, HID, serial…) is ever granted. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
}
