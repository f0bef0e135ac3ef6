import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assert, assertEqual, eventually, REPO, run } from './harness';

/** What a user does in the app, by role, label or test id. */

export async function centreOf(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(testId).boundingBox();
  assert(box, `${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette item onto the canvas at a point relative to the canvas' top-left corner. */
export async function dragFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
}

/** Drags from an output port to a node's input port, in steps (xyflow needs pointer moves). */
export async function connectPorts(page: Page, from: string, port: string, to: string): Promise<void> {
  const a = await centreOf(page, `port-${from}-${port}`);
  const b = await centreOf(page, `port-${to}-in`);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

export function nodeIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="node-"][data-testid]:not([data-testid^="node-figures"]):not([data-testid^="node-row"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)));
}

export async function selectNode(page: Page, id: string): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
}

/** Types into a labelled field of the side panel and commits with Enter. */
export async function setField(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByRole('tabpanel').getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Opens the toolbar's run settings (the "Seed 1 · 1 h" chip), unless they are open. */
export async function openRunSettings(page: Page): Promise<void> {
  const chip = page.getByRole('button', { name: /^Run settings:/ });
  if ((await chip.getAttribute('aria-expanded')) !== 'true') await chip.click();
  await page.getByRole('dialog', { name: 'Run settings' }).waitFor();
}

/** Sets the seed and horizon in the toolbar's run settings, then closes them. */
export async function setRun(page: Page, seed: number, horizon: string): Promise<void> {
  await openRunSettings(page);
  for (const [id, value] of [['run-seed', String(seed)], ['run-horizon', horizon]] as const) {
    const input = page.getByTestId(id);
    await input.fill(value);
    await input.press('Enter');
  }
  await page.getByRole('button', { name: /^Run settings:/ }).click();
}

/** Presses Run and waits for the results dashboard. */
export async function runAndWait(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('card-p99Ms').waitFor({ timeout: timeoutMs });
}

export async function cardValue(page: Page, key: string): Promise<string> {
  return (await page.getByTestId(`value-${key}`).innerText()).trim();
}

/** Save (a download in the browser build) into `dir`; returns the saved path. */
export async function saveDocument(page: Page, dir: string, saveAs = false): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: saveAs ? 'Save as' : 'Save', exact: true }).click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

export async function openDocument(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await (await chooser).setFiles(path);
}

/** `preflight …` (the CLI of this checkout) in a child process; its stdout, exit code 0 asserted. */
export async function preflight(args: string[]): Promise<string> {
  const out = await run(process.execPath, [`${REPO}bin/preflight.mjs`, ...args]);
  assertEqual(out.code, 0, `preflight ${args[0]} exit code (${out.stderr.slice(0, 400)})`);
  return out.stdout;
}

/** The same screen at 1280 px wide (the narrowest the app is laid out for) and at 1440, named by width. */
export async function shotBothWidths(page: Page, shot: (name: string) => Promise<void>, name: string, scrollTo: string): Promise<void> {
  await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
  await shot(`${name}-1440`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
  await shot(`${name}-1280`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Waits until the focused element is `id` (a button that opens an editor tab and puts the cursor in a field). */
export async function focusedIs(page: Page, id: string): Promise<void> {
  await eventually(async () => assertEqual(await page.evaluate(() => document.activeElement?.id ?? ''), id, `the cursor is in #${id}`));
}
