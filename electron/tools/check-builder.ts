/**
 * `npm run check:builder`: checks electron-builder.yml offline (no Electron download, no network).
 * 1. package.json: `main` points at the bundle; renderer libraries are devDependencies (Vite bundles
 *    them; as dependencies they would be packed into app.asar).
 * 2. Packs `--linux --dir` against a stand-in Electron (a file carrying the fuse sentinel): this
 *    validates the config schema (an invalid key fails fast), evaluates the `files` globs, builds
 *    app.asar, copies extraResources and flips the fuses.
 * 3. Checks what was packed: the bundles and the web build only, the examples beside it, the fuses.
 * Needs `npm run build:electron` first (the script does it); dist-web/ is checked when it exists.
 */
import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const RENDERER_LIBRARIES = ['react', 'react-dom', '@xyflow/react', 'echarts', 'zustand', 'elkjs'];
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuse wire (version 1, 8 fuses), as in an unmodified binary. */
const DEFAULT_WIRE = '10110001';
/** Wanted: no run-as-node, cookie encryption, no NODE_OPTIONS, no --inspect, asar integrity, asar only, (snapshot as is), no file:// extras. */
const EXPECTED_WIRE = '01001100';

const problems: string[] = [];
const fail = (message: string) => problems.push(message);

function checkPackageJson(): void {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  if (pkg.main !== 'dist-electron/main.cjs') fail(`package.json main is "${pkg.main}", expected dist-electron/main.cjs`);
  for (const name of RENDERER_LIBRARIES) {
    if (pkg.dependencies?.[name]) fail(`${name} is a dependency: move it to devDependencies (it would be packed into app.asar)`);
    if (!pkg.devDependencies?.[name]) fail(`${name} is missing from devDependencies`);
  }
}

function standInElectron(folder: string): string {
  const dist = path.join(folder, 'electron-dist');
  const header = Buffer.from('#!/bin/sh\necho "stand-in Electron for check:builder"\nexit 1\n# ');
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(`${DEFAULT_WIRE}\n`)]);
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'electron'), Buffer.concat([header, wire]), { mode: 0o755 });
  return dist;
}

function pack(folder: string): string {
  const out = path.join(folder, 'out');
  const args = ['--linux', '--dir', `-c.electronDist=${standInElectron(folder)}`, `-c.directories.output=${out}`, '--publish', 'never'];
  const result = spawnSync(path.join('node_modules', '.bin', 'electron-builder'), args, {
    encoding: 'utf8',
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    throw new Error(`electron-builder failed (exit ${result.status})`);
  }
  return path.join(out, 'linux-unpacked');
}

function checkPacked(unpacked: string): string {
  const asarPath = path.join(unpacked, 'resources', 'app.asar');
  const entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
  for (const needed of ['/package.json', '/dist-electron/main.cjs', '/dist-electron/preload.cjs']) {
    if (!entries.includes(needed)) fail(`app.asar lacks ${needed}`);
  }
  if (existsSync('dist-web/index.html')) {
    if (!entries.includes('/dist-web/index.html')) fail('app.asar lacks /dist-web/index.html');
  } else {
    console.warn('check:builder: dist-web/ is not built (npm run build:web); its packing was not checked');
  }
  const allowed = /^\/(package\.json|dist-electron(\/.*)?|dist-web(\/.*)?)$/;
  const stray = entries.filter((entry) => !allowed.test(entry) || entry.endsWith('.map'));
  if (stray.length > 0) fail(`app.asar holds files it should not: ${stray.slice(0, 10).join(', ')}${stray.length > 10 ? ', …' : ''}`);
  if (!existsSync(path.join(unpacked, 'resources', 'examples', 'optimized-rag.preflight.json'))) fail('resources/examples/optimized-rag.preflight.json is missing');

  const binary = readFileSync(path.join(unpacked, 'preflight'));
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const wire = binary.subarray(at + 2, at + 2 + DEFAULT_WIRE.length).toString('latin1');
  if (wire !== EXPECTED_WIRE) fail(`fuse wire is ${wire}, expected ${EXPECTED_WIRE}`);
  return `app.asar ${Math.round(statSync(asarPath).size / 1024)} kB, ${entries.length} entries, fuses ${wire}`;
}

function main(): void {
  checkPackageJson();
  const folder = mkdtempSync(path.join(tmpdir(), 'preflight-builder-'));
  try {
    if (!existsSync('dist-electron/main.cjs') || !existsSync('dist-electron/preload.cjs')) throw new Error('dist-electron/ is not built: run npm run build:electron');
    const summary = checkPacked(pack(folder));
    if (problems.length > 0) throw new Error(problems.map((p) => `  - ${p}`).join('\n'));
    console.log(`check:builder: OK (${summary})`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(`check:builder: FAILED\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
