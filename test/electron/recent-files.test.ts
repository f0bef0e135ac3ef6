import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecentFile } from '../../electron/contract/api';
import { addRecent, parseRecentList, pruneMissing, RECENT_LIMIT, RecentFilesStore } from '../../electron/main/recent-files';

const now = new Date('2026-11-27T10:00:00Z');
const entry = (p: string): RecentFile => ({ path: p, name: path.basename(p), openedAt: '2026-01-01T00:00:00.000Z' });

describe('recent files list', () => {
  it('puts the newest first with its name and time', () => {
    expect(addRecent([entry('/a.json')], '/docs/b.preflight.json', now, 'linux')).toEqual([
      { path: '/docs/b.preflight.json', name: 'b.preflight.json', openedAt: '2026-11-27T10:00:00.000Z' },
      entry('/a.json'),
    ]);
  });

  it('keeps one entry per file, moved to the front', () => {
    const list = addRecent([entry('/a.json'), entry('/b.json'), entry('/c.json')], '/c.json', now, 'linux');
    expect(list.map((item) => item.path)).toEqual(['/c.json', '/a.json', '/b.json']);
  });

  it('compares paths case-insensitively on macOS and Windows only', () => {
    expect(addRecent([entry('/Docs/A.json')], '/docs/a.json', now, 'darwin')).toHaveLength(1);
    expect(addRecent([entry('/Docs/A.json')], '/docs/a.json', now, 'linux')).toHaveLength(2);
  });

  it(`caps the list at ${RECENT_LIMIT}`, () => {
    let list: RecentFile[] = [];
    for (let i = 0; i < RECENT_LIMIT + 5; i += 1) list = addRecent(list, `/f${i}.json`, now, 'linux');
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]!.path).toBe(`/f${RECENT_LIMIT + 4}.json`);
  });

  it('prunes files that no longer exist', async () => {
    const pruned = await pruneMissing([entry('/here.json'), entry('/gone.json')], async (p) => p === '/here.json');
    expect(pruned.map((item) => item.path)).toEqual(['/here.json']);
  });

  it('reads a damaged store as an empty or partial list, never an error', () => {
    expect(parseRecentList('not json')).toEqual([]);
    expect(parseRecentList('{"files": 3}')).toEqual([]);
    expect(parseRecentList(JSON.stringify({ files: [entry('/ok.json'), { path: 42 }, entry('relative.json')] }))).toEqual([entry('/ok.json')]);
  });
});

describe('RecentFilesStore', () => {
  async function makeStore(existing: Set<string>) {
    const folder = await mkdtemp(path.join(tmpdir(), 'preflight-recent-'));
    const storePath = path.join(folder, 'recent-files.json');
    return { storePath, store: new RecentFilesStore(storePath, 'linux', async (p) => existing.has(p)) };
  }

  it('persists additions atomically as JSON and reads them back', async () => {
    const { storePath, store } = await makeStore(new Set(['/a.json', '/b.json']));
    await store.add('/a.json');
    await store.add('/b.json');
    const reopened = new RecentFilesStore(storePath, 'linux', async () => true);
    expect((await reopened.list()).map((item) => item.path)).toEqual(['/b.json', '/a.json']);
    expect(JSON.parse(await readFile(storePath, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('prunes missing files when listing, and saves the pruned list', async () => {
    const existing = new Set(['/a.json', '/b.json']);
    const { storePath, store } = await makeStore(existing);
    await store.add('/a.json');
    await store.add('/b.json');
    existing.delete('/a.json');
    expect((await store.list()).map((item) => item.path)).toEqual(['/b.json']);
    expect(parseRecentList(await readFile(storePath, 'utf8')).map((item) => item.path)).toEqual(['/b.json']);
  });

  it('tells listeners (the menu) about every change, and clears', async () => {
    const { store } = await makeStore(new Set(['/a.json']));
    const seen: number[] = [];
    store.onChange((files) => seen.push(files.length));
    await store.add('/a.json');
    await store.clear();
    expect(seen).toEqual([1, 0]);
    expect(await store.contains('/a.json')).toBe(false);
  });

  it('loses nothing when saves overlap', async () => {
    const paths = ['/1.json', '/2.json', '/3.json', '/4.json'];
    const { storePath, store } = await makeStore(new Set(paths));
    await Promise.all(paths.map((p) => store.add(p)));
    expect(parseRecentList(await readFile(storePath, 'utf8'))).toHaveLength(4);
  });

  it('starts empty from a damaged file', async () => {
    const { storePath, store } = await makeStore(new Set());
    await writeFile(storePath, '{oops');
    expect(await store.list()).toEqual([]);
  });
});
