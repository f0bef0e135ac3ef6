import { describe, expect, it } from 'vitest';
import { createWebPlatform, type WebEnvironment } from '../../../renderer/platform/web-platform';

function fakeEnv(pick: File | null = null) {
  const data = new Map<string, string>();
  const downloads: Array<{ name: string; text: Promise<string> }> = [];
  const titles: string[] = [];
  const env: WebEnvironment = {
    storage: { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) },
    pickFile: async () => pick,
    download: (name, blob) => downloads.push({ name, text: blob.text() }),
    setDocumentTitle: (t) => titles.push(t),
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  return { env, data, downloads, titles };
}

describe('web platform', () => {
  it('saves by downloading and remembers the file as recent, readable again', async () => {
    const { env, downloads } = fakeEnv();
    const platform = createWebPlatform(env);
    const saved = await platform.savePipeline({ path: null, suggestedName: 'rag.preflight.json', text: '{"a":1}', saveAs: false });
    expect(saved).toEqual({ path: 'web:rag.preflight.json', name: 'rag.preflight.json' });
    expect(downloads[0]?.name).toBe('rag.preflight.json');
    expect(await downloads[0]?.text).toBe('{"a":1}');
    expect(await platform.listRecent()).toEqual([{ path: 'web:rag.preflight.json', name: 'rag.preflight.json', openedAt: '2026-11-27T12:00:00.000Z' }]);
    expect(await platform.readRecent('web:rag.preflight.json')).toEqual({ path: 'web:rag.preflight.json', name: 'rag.preflight.json', text: '{"a":1}' });
  });

  it('opens a picked file; a cancelled picker opens nothing', async () => {
    const picked = createWebPlatform(fakeEnv(new File(['{"b":2}'], 'x.preflight.json')).env);
    expect(await picked.openPipeline()).toEqual({ path: 'web:x.preflight.json', name: 'x.preflight.json', text: '{"b":2}' });
    expect(await createWebPlatform(fakeEnv(null).env).openPipeline()).toBeNull();
  });

  it('keeps one autosave slot in browser storage', async () => {
    const platform = createWebPlatform(fakeEnv().env);
    expect(await platform.readAutosave()).toBeNull();
    await platform.writeAutosave({ text: 'draft', documentPath: null });
    expect(await platform.readAutosave()).toEqual({ text: 'draft', documentPath: null, savedAt: '2026-11-27T12:00:00.000Z' });
    await platform.clearAutosave();
    expect(await platform.readAutosave()).toBeNull();
  });

  it('marks unsaved changes in the title and refuses a recent file that is gone', async () => {
    const { env, titles } = fakeEnv();
    const platform = createWebPlatform(env);
    platform.setTitle('rag.preflight.json — Preflight', true);
    expect(titles).toEqual(['● rag.preflight.json — Preflight']);
    await expect(platform.readRecent('web:gone.json')).rejects.toThrow(/no longer in this browser's storage/);
  });
});
