import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AutosaveSlot } from '../../electron/main/autosave-slot';

let folder: string;
let slot: AutosaveSlot;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'preflight-autosave-'));
  slot = new AutosaveSlot(path.join(folder, 'autosave.json'));
});

describe('autosave recovery slot', () => {
  it('is empty at first', async () => {
    expect(await slot.read()).toBeNull();
  });

  it('returns what was written, with its time and document', async () => {
    await slot.write({ text: '{"version":1}', documentPath: '/docs/rag.preflight.json' }, new Date('2026-11-27T10:00:00Z'));
    expect(await slot.read()).toEqual({ text: '{"version":1}', documentPath: '/docs/rag.preflight.json', savedAt: '2026-11-27T10:00:00.000Z' });
  });

  it('keeps only the latest write, atomically (no temp files left)', async () => {
    await slot.write({ text: 'one', documentPath: null });
    await slot.write({ text: 'two', documentPath: null });
    expect((await slot.read())?.text).toBe('two');
    expect(await readdir(folder)).toEqual(['autosave.json']);
  });

  it('is cleared after a save, and clearing twice is fine', async () => {
    await slot.write({ text: 'x', documentPath: null });
    await slot.clear();
    await slot.clear();
    expect(await slot.read()).toBeNull();
  });

  it('lets a clear that follows a write win, even if not awaited in between', async () => {
    const write = slot.write({ text: 'late', documentPath: null });
    const clear = slot.clear();
    await Promise.all([write, clear]);
    expect(await slot.read()).toBeNull();
  });

  it('treats a damaged slot as empty', async () => {
    await writeFile(path.join(folder, 'autosave.json'), '{"version":1,"text":');
    expect(await slot.read()).toBeNull();
    await writeFile(path.join(folder, 'autosave.json'), '{"version":2,"text":"x","documentPath":null,"savedAt":""}');
    expect(await slot.read()).toBeNull();
  });
});
