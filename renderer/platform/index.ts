import { browserEnvironment } from './browser-environment';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';
import { createWebPlatform } from './web-platform';

export type { Platform } from './platform';

/** The desktop bridge when the preload provided one, otherwise the browser implementation. */
export function detectPlatform(): Platform {
  const browser = browserEnvironment();
  return window.preflight ? createElectronPlatform(window.preflight, browser.pickFile) : createWebPlatform(browser);
}
