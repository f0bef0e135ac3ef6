import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempPathFor, writeFileAtomic, type AtomicWriteFs } from '../../electron/main/atomic-write';

let folder: string;
let target: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'preflight-atomic-'));
  target = path.join(folder, 'pipeline.preflight.json');
});

const failing = (error: NodeJS.ErrnoException): Promise<never> => Promise.reject(error);
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('writeFileAtomic', () => {
  it('creates a file and replaces an existing one', async () => {
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, new TextEncoder().encode('second'));
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(folder)).toEqual(['pipeline.preflight.json']);
  });

  it('writes a temp file in the same folder, then renames it over the target', async () => {
    const calls: string[] = [];
    const spy: AtomicWriteFs = {
      ...fsp,
      open: ((file: string, ...rest: unknown[]) => {
        calls.push(`open ${path.relative(folder, file) || '.'}`);
        return (fsp.open as (...args: unknown[]) => unknown)(file, ...rest);
      }) as AtomicWriteFs['open'],
      rename: async (from, to) => {
        calls.push(`rename ${path.relative(folder, String(from))} -> ${path.relative(folder, String(to))}`);
        return fsp.rename(from, to);
      },
    };
    await writeFileAtomic(target, 'data', { fs: spy, platform: 'linux' });
    expect(calls[0]).toMatch(/^open \.pipeline\.preflight\.json\.\d+-[0-9a-f]{8}\.tmp$/);
    expect(calls[1]).toMatch(/^rename \.pipeline\.preflight\.json\.\d+-[0-9a-f]{8}\.tmp -> pipeline\.preflight\.json$/);
    expect(calls[2]).toBe('open .'); // the folder, to fsync the rename
  });

  it('leaves the original untouched and no temp file when the write fails', async () => {
    await writeFile(target, 'original');
    const brokenDisk: AtomicWriteFs = {
      ...fsp,
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await fsp.open(file, flags, mode);
        return Object.assign(Object.create(handle), { writeFile: () => failing(errno('ENOSPC')), close: () => handle.close() });
      }) as AtomicWriteFs['open'],
    };
    await expect(writeFileAtomic(target, 'new', { fs: brokenDisk })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(folder)).toEqual(['pipeline.preflight.json']);
  });

  it('leaves the original untouched and no temp file when the rename fails', async () => {
    await writeFile(target, 'original');
    const noRename: AtomicWriteFs = { ...fsp, rename: () => failing(errno('EXDEV')) };
    await expect(writeFileAtomic(target, 'new', { fs: noRename })).rejects.toThrow('EXDEV');
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(folder)).toEqual(['pipeline.preflight.json']);
  });

  it('retries a rename Windows briefly refuses (antivirus holding the file)', async () => {
    let refusals = 0;
    const busy: AtomicWriteFs = { ...fsp, rename: (from, to) => (refusals++ < 2 ? failing(errno('EPERM')) : fsp.rename(from, to)) };
    await writeFileAtomic(target, 'saved', { fs: busy, platform: 'win32' });
    expect(await readFile(target, 'utf8')).toBe('saved');
  });

  it('keeps the permissions of the file it replaces', async () => {
    await writeFile(target, 'private', { mode: 0o600 });
    await writeFileAtomic(target, 'still private');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('fails (without touching anything) when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(folder, 'missing', 'x.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names temp files uniquely, beside the target', () => {
    const a = tempPathFor(target);
    expect(path.dirname(a)).toBe(folder);
    expect(a).not.toBe(tempPathFor(target));
  });
});
