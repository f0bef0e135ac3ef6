import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLocations } from '../../electron/main/app-paths';
import { checkDocumentPath, DEFAULT_EXAMPLE, openArgument, resolveStartupDocument } from '../../electron/main/startup-document';

const repo = process.cwd();

describe('openArgument', () => {
  it('reads --open <path> and --open=<path>; the last one wins', () => {
    expect(openArgument(['electron', '.', '--open', 'examples/a.json'], false)).toBe('examples/a.json');
    expect(openArgument(['electron', '.', '--open=b.json'], false)).toBe('b.json');
    expect(openArgument(['electron', '.', '--open', 'a.json', '--open=b.json'], false)).toBe('b.json');
    expect(openArgument(['electron', '.'], false)).toBeNull();
  });

  it('accepts a bare .json argument (OS "Open with") only in the packaged app', () => {
    expect(openArgument(['/opt/Preflight/preflight', '/home/ada/rag.preflight.json'], true)).toBe('/home/ada/rag.preflight.json');
    expect(openArgument(['/opt/Preflight/preflight', '--no-sandbox'], true)).toBeNull();
    expect(openArgument(['electron', 'package.json'], false)).toBeNull();
  });
});

describe('checkDocumentPath', () => {
  it('accepts the example `npm start` opens, resolved against the working folder', async () => {
    expect(await checkDocumentPath('examples/optimized-rag.preflight.json', repo)).toEqual({ ok: true, path: path.join(repo, 'examples', DEFAULT_EXAMPLE) });
  });

  it('refuses missing files, folders, non-JSON files and empty paths', async () => {
    expect(await checkDocumentPath('examples/nope.json', repo)).toMatchObject({ ok: false, problem: expect.stringMatching(/does not exist/) });
    const folder = await mkdtemp(path.join(tmpdir(), 'preflight-start-'));
    const dirNamedJson = path.join(folder, 'dir.json');
    await import('node:fs/promises').then((fs) => fs.mkdir(dirNamedJson));
    expect(await checkDocumentPath(dirNamedJson, repo)).toMatchObject({ ok: false, problem: expect.stringMatching(/not a file/) });
    expect(await checkDocumentPath('package-lock.jso', repo)).toMatchObject({ ok: false, problem: expect.stringMatching(/not a \.json/) });
    expect(await checkDocumentPath('  ', repo)).toMatchObject({ ok: false });
  });
});

describe('resolveStartupDocument', () => {
  const examplesDir = path.join(repo, 'examples');

  it('opens the --open document', async () => {
    const result = await resolveStartupDocument({ argv: ['electron', '.', '--open', 'examples/optimized-rag.preflight.json'], cwd: repo, isPackaged: false, examplesDir });
    expect(result).toEqual({ path: path.join(examplesDir, DEFAULT_EXAMPLE) });
  });

  it('in development without --open starts with a new document', async () => {
    expect(await resolveStartupDocument({ argv: ['electron', '.'], cwd: repo, isPackaged: false, examplesDir })).toEqual({ path: null, warning: undefined });
  });

  it('packaged, defaults to the bundled example, also when --open is unusable', async () => {
    const result = await resolveStartupDocument({ argv: ['preflight', '--open', '/nope.json'], cwd: repo, isPackaged: true, examplesDir });
    expect(result.path).toBe(path.join(examplesDir, DEFAULT_EXAMPLE));
    expect(result.warning).toMatch(/Ignoring --open: .*nope\.json does not exist/);
  });

  it('ignores a file that is not JSON, with a warning', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'preflight-start-'));
    await writeFile(path.join(folder, 'notes.txt'), 'x');
    const result = await resolveStartupDocument({ argv: ['electron', '.', '--open', 'notes.txt'], cwd: folder, isPackaged: false, examplesDir });
    expect(result).toMatchObject({ path: null, warning: expect.stringMatching(/not a \.json pipeline file/) });
  });
});

describe('appLocations', () => {
  const common = { mainDir: '/repo/dist-electron', resourcesPath: '/opt/Preflight/resources', userDataDir: '/home/ada/.config/Preflight' };

  it('in development, everything comes from the repository', () => {
    expect(appLocations({ ...common, appPath: '/repo', isPackaged: false })).toEqual({
      webRoot: '/repo/dist-web',
      preloadPath: '/repo/dist-electron/preload.cjs',
      examplesDir: '/repo/examples',
      readmePath: '/repo/README.md',
      recentFilesPath: '/home/ada/.config/Preflight/recent-files.json',
      autosavePath: '/home/ada/.config/Preflight/autosave.json',
    });
  });

  it('packaged, the page is in app.asar and examples are extraResources', () => {
    const asar = '/opt/Preflight/resources/app.asar';
    const locations = appLocations({ ...common, appPath: asar, mainDir: `${asar}/dist-electron`, isPackaged: true });
    expect(locations.webRoot).toBe(`${asar}/dist-web`);
    expect(locations.preloadPath).toBe(`${asar}/dist-electron/preload.cjs`);
    expect(locations.examplesDir).toBe('/opt/Preflight/resources/examples');
  });
});
