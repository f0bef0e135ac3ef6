// Lint enforces the layer arrows (see ARCHITECTURE.md) beside the per-layer tsconfigs:
//   simulation/  imports nothing outside itself; only simulation/cli/ may use Node
//   renderer/    never electron or Node; reaches the desktop through renderer/platform only
//   electron/    never renderer/
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'events', 'stream', 'http', 'https', 'net'];
const uiModules = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*', 'echarts', 'echarts/*', 'elkjs', 'elkjs/*'];

/** Rules every file of simulation/ obeys (no wall clock, no unseeded randomness). */
const simulationProperties = [
  { object: 'Math', property: 'random', message: 'Use a seeded stream (simulation/random/streams.ts).' },
  { object: 'Date', property: 'now', message: 'Use the simulated clock (engine.now).' },
  { object: 'performance', property: 'now', message: 'Use the simulated clock (engine.now).' },
];
const simulationSyntax = [{ selector: "NewExpression[callee.name='Date']", message: 'No wall-clock time in simulation/.' }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-web/**', 'dist-electron/**', 'release/**', '.bench/**', '.tsbuild/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['simulation/**/*.ts'],
    ignores: ['simulation/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'simulation/ is pure TypeScript: no Node or Electron (only simulation/cli/ may use Node).' })),
          patterns: [
            { group: ['node:*'], message: 'simulation/ is pure TypeScript: no Node (only simulation/cli/ may use Node).' },
            { group: uiModules, message: 'simulation/ has no UI dependencies.' },
            { group: ['**/renderer/**', '**/electron/**', '**/test/**', '**/cli/**'], message: 'simulation/ imports nothing outside itself (and the engine never imports its CLI).' },
          ],
        },
      ],
      'no-restricted-properties': ['error', ...simulationProperties],
      'no-restricted-syntax': ['error', ...simulationSyntax],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'setTimeout', 'setInterval', 'localStorage'],
    },
  },
  {
    // The run path: what a run computes must have the same bits in Node (CLI) and the browser (worker).
    files: ['simulation/{engine,nodes,random,metrics}/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...simulationProperties, { object: 'Math', property: 'pow', message: "Math.pow's last bit differs between JavaScript engines: use powInt/pow2 (whole exponents) or fastExp/Math.log." }],
      'no-restricted-syntax': ['error', ...simulationSyntax, { selector: "BinaryExpression[operator='**']", message: "** differs in its last bit between JavaScript engines: use powInt/pow2 (whole exponents) or fastExp/Math.log." }],
    },
  },
  {
    files: ['simulation/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'test/**/*.{ts,tsx}', 'electron/**/*.ts', 'bin/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: reach the desktop through renderer/platform.' })),
          patterns: [
            { group: ['node:*'], message: 'renderer/ runs in a sandboxed page: no Node.' },
            { group: ['**/electron/main/**', '**/electron/preload/**', '**/simulation/cli/**', '**/test/**'], message: 'renderer/ may use electron/contract types only, never main/preload code or the CLI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/simulation/cli/**'], message: 'electron/ does not import the renderer or the CLI.' }] }],
    },
  },
);
