/**
 * Names of the files the app writes for a pipeline, and the CLI line that reproduces a report. Every
 * export of one pipeline shares a stem, so a folder of exports sorts by pipeline, then by what it is.
 */

/** "Optimized RAG (retrieve 20…)" → "optimized-rag-retrieve-20" (as suggestedFileName in the document actions). */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'pipeline'
  );
}

/**
 * The stem of export names: the pipeline file's name without `.preflight.json` once it has one, so
 * `optimized-rag.preflight.json` exports `optimized-rag.report.html`; the pipeline's name otherwise.
 */
export function exportStem(file: { path: string | null; name: string }, pipelineName: string): string {
  if (file.path === null && /^untitled(\.preflight)?\.json$/i.test(file.name)) return slug(pipelineName);
  const base = file.name.replace(/\.preflight\.json$/i, '').replace(/\.json$/i, '');
  return slug(base) || slug(pipelineName);
}

export type DataExportKind = 'headline-csv' | 'nodes-csv' | 'series-csv' | 'results-json' | 'otlp-json';

const DATA_SUFFIX: Record<DataExportKind, string> = {
  'headline-csv': 'headline.csv',
  'nodes-csv': 'nodes.csv',
  'series-csv': 'series.csv',
  'results-json': 'results.json',
  'otlp-json': 'traces.otlp.json',
};

/** `optimized-rag.seed-1.headline.csv`; with replications `optimized-rag.seed-1.5-replications.headline.csv`. */
export function dataFileName(stem: string, kind: DataExportKind, seed: number, replications: number | null): string {
  // Only the headline figures and the results JSON carry the replications; the rest is one run.
  const replicated = replications !== null && (kind === 'headline-csv' || kind === 'results-json');
  return `${stem}.seed-${seed}${replicated ? `.${replications}-replications` : ''}.${DATA_SUFFIX[kind]}`;
}

export function reportFileName(stem: string, format: 'html' | 'pdf'): string {
  return `${stem}.report.${format}`;
}

/** POSIX shell quoting, only when a word needs it (file names with spaces or quotes). */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `preflight report` line that makes the same figures from the saved file: same replications,
 * same max-load search (the CLI runs it unless --no-capacity), the document's own seed and horizon.
 */
export function reportCommand(fileName: string, outName: string, plan: { replications: number; capacity: boolean }, extraFlags: readonly string[] = []): string {
  const words = ['npx', 'preflight', 'report', shellWord(fileName), '--out', shellWord(outName), '--replications', String(plan.replications)];
  if (!plan.capacity) words.push('--no-capacity');
  words.push(...extraFlags.map(shellWord));
  return words.join(' ');
}
