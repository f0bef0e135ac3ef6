/**
 * Renders build/icon.svg to the PNG icons electron-builder packs (build/icon.png for macOS/Windows,
 * build/icons/<n>x<n>.png for Linux) with headless Chromium, so no image tool is needed.
 * Run: `npx tsx electron/tools/render-icons.ts` after editing the SVG (the PNGs are committed).
 * CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BUILD = path.resolve('build');
const LINUX_SIZES = [512, 256, 128, 64, 48, 32, 16];

async function main(): Promise<void> {
  const svg = await readFile(path.join(BUILD, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const render = async (size: number, file: string) => {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    };
    await mkdir(path.join(BUILD, 'icons'), { recursive: true });
    await render(512, path.join(BUILD, 'icon.png'));
    for (const size of LINUX_SIZES) await render(size, path.join(BUILD, 'icons', `${size}x${size}.png`));
  } finally {
    await browser.close();
  }
}

await main();
