import { rmSync } from 'node:fs';
import { run as exec, REPO, runScenario, SHOTS, startPreview, type Scenario } from './harness';
import { analysis } from './scenarios/analysis';
import { documents } from './scenarios/documents';
import { editing } from './scenarios/editing';
import { finance } from './scenarios/finance';
import { io } from './scenarios/io';
import { modelWhatIf } from './scenarios/model-whatif';
import { refusedValues } from './scenarios/refused-values';
import { reliability } from './scenarios/reliability';
import { running } from './scenarios/running';

/**
 * End-to-end tests of the web build in Chromium: builds the app, serves it with `vite preview`, runs
 * every scenario in a fresh browser profile, and ends with "N passed, N failed" (exit 1 on failure).
 * Filter with an argument: `npm run test:e2e -- cancel`.
 */
const PORT = Number(process.env.PREFLIGHT_E2E_PORT ?? 4179);

async function main(): Promise<number> {
  const filter = process.argv[2]?.toLowerCase();
  const scenarios: Scenario[] = [...editing, ...refusedValues, ...documents, ...running, ...reliability, ...io, ...analysis, ...finance, ...modelWhatIf].filter((s) => !filter || s.name.toLowerCase().includes(filter));
  if (!process.env.PREFLIGHT_E2E_SKIP_BUILD) {
    const build = await exec(`${REPO}node_modules/.bin/vite`, ['build']);
    if (build.code !== 0) {
      console.error(build.stdout, build.stderr);
      console.log('0 passed, 1 failed');
      return 1;
    }
  }
  rmSync(SHOTS, { recursive: true, force: true });
  const server = await startPreview(PORT);
  let passed = 0;
  let failed = 0;
  try {
    for (const scenario of scenarios) {
      const started = Date.now();
      const failure = await runScenario(scenario, server.url);
      const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
      if (failure) {
        failed++;
        console.log(`✗ ${scenario.name} (${took})\n${failure.replace(/^/gm, '    ')}`);
      } else {
        passed++;
        console.log(`✓ ${scenario.name} (${took})`);
      }
    }
  } finally {
    server.stop();
  }
  console.log(`screenshots: ${SHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
