import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Static checks of the packaging setup; the offline packing itself is `npm run check:builder`.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
interface BuilderConfig {
  files: string[];
  extraResources: unknown[];
  electronFuses: Record<string, boolean>;
  linux: { icon: string; target: string[] };
  mac: { icon: string };
  win: { icon: string };
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const RENDERER_LIBRARIES = ['react', 'react-dom', '@xyflow/react', 'echarts', 'zustand', 'elkjs'];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('package.json (desktop keys)', () => {
  it('starts Electron from the main bundle', () => {
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });

  it.each(RENDERER_LIBRARIES)('keeps %s in devDependencies (bundled by Vite, not packed into app.asar)', (name) => {
    expect(pkg.dependencies[name]).toBeUndefined();
    expect(pkg.devDependencies[name]).toBeDefined();
  });

  it('bundles main and preload as single CommonJS files with Electron external', () => {
    const build = pkg.scripts['build:electron']!;
    for (const [entry, out] of [['electron/main/index.ts', 'dist-electron/main.cjs'], ['electron/preload/index.ts', 'dist-electron/preload.cjs']]) {
      expect(build).toMatch(new RegExp(`esbuild ${entry} --bundle[^&]*--format=cjs[^&]*--external:electron[^&]*--outfile=${out}`));
    }
  });

  it('`npm start` builds both halves and opens the example pipeline', () => {
    expect(pkg.scripts.start).toBe('npm run build:web && npm run build:electron && electron . --open examples/optimized-rag.preflight.json');
    expect(existsSync('examples/optimized-rag.preflight.json')).toBe(true);
  });
});

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config).toMatchObject({ appId: 'dev.preflight.app', productName: 'Preflight', directories: { output: 'release', buildResources: 'build' } });
  });

  it('packs only the bundles and the web build; ships the examples beside them', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist-electron/**', 'dist-web/**', '!node_modules/**']));
    expect(config.files.filter((glob: string) => !glob.startsWith('!')).every((glob: string) => /^(package\.json|dist-electron\/\*\*|dist-web\/\*\*)$/.test(glob))).toBe(true);
    expect(config.extraResources).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'examples', to: 'examples' })]));
  });

  it('builds AppImage + deb, dmg and nsis with store categories', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Development', maintainer: expect.stringMatching(/<.+@.+>/) });
    expect(config.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.developer-tools' });
    expect(config.win).toMatchObject({ target: ['nsis'] });
  });

  it('hardens the Electron binary with fuses', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('has the icons it names, at the right sizes', () => {
    expect(pngSize(config.mac.icon)).toEqual([512, 512]);
    expect(pngSize(config.win.icon)).toEqual([512, 512]);
    for (const size of [512, 256]) expect(pngSize(`${config.linux.icon}/${size}x${size}.png`)).toEqual([size, size]);
    expect(existsSync('build/icon.svg')).toBe(true);
  });
});
