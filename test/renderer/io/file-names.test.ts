import { describe, expect, it } from 'vitest';
import { dataFileName, exportStem, reportCommand, reportFileName, shellWord, slug } from '../../../renderer/features/io/file-names';

describe('export file names', () => {
  it('share a stem: the pipeline file without .preflight.json, else the pipeline name', () => {
    expect(exportStem({ path: '/p/optimized-rag.preflight.json', name: 'optimized-rag.preflight.json' }, 'Optimized RAG')).toBe('optimized-rag');
    expect(exportStem({ path: 'web:My Pipeline.json', name: 'My Pipeline.json' }, 'x')).toBe('my-pipeline');
    // A new document has no file name of its own yet: its pipeline name gives the stem.
    expect(exportStem({ path: null, name: 'untitled.preflight.json' }, 'Support bot (v2)')).toBe('support-bot-v2');
    // A template opened as a new document keeps the template's file name.
    expect(exportStem({ path: null, name: 'naive-rag.preflight.json' }, 'Naive RAG')).toBe('naive-rag');
    expect(slug('¡¡¡')).toBe('pipeline');
    expect(slug('a'.repeat(59) + ' b')).toBe('a'.repeat(59));
  });

  it('say what each file is, with the seed, and the replications where they are in the figures', () => {
    expect(dataFileName('rag', 'headline-csv', 1, null)).toBe('rag.seed-1.headline.csv');
    expect(dataFileName('rag', 'headline-csv', 1, 5)).toBe('rag.seed-1.5-replications.headline.csv');
    expect(dataFileName('rag', 'nodes-csv', 7, 5)).toBe('rag.seed-7.nodes.csv');
    expect(dataFileName('rag', 'series-csv', 7, null)).toBe('rag.seed-7.series.csv');
    expect(dataFileName('rag', 'results-json', 3, null)).toBe('rag.seed-3.results.json');
    expect(dataFileName('rag', 'otlp-json', 3, null)).toBe('rag.seed-3.traces.otlp.json');
    expect(reportFileName('rag', 'pdf')).toBe('rag.report.pdf');
  });

  it('write the CLI line that reproduces a report, quoting only what needs it', () => {
    expect(reportCommand('rag.preflight.json', 'rag.report.html', { replications: 5, capacity: true })).toBe('npx preflight report rag.preflight.json --out rag.report.html --replications 5');
    expect(reportCommand("Bob's RAG.json", 'x.report.pdf', { replications: 8, capacity: false })).toBe(`npx preflight report 'Bob'\\''s RAG.json' --out x.report.pdf --replications 8 --no-capacity`);
    expect(reportCommand('rag.json', 'rag.report.html', { replications: 5, capacity: true }, ['--param', 'traffic.rps=2.5,5', '--tornado', 'a,b'])).toBe('npx preflight report rag.json --out rag.report.html --replications 5 --param traffic.rps=2.5,5 --tornado a,b');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord('plain-name_1.json')).toBe('plain-name_1.json');
  });
});
