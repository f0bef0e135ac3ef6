import { fitCalibration, importLiteLlmPriceMap, importLiteLlmProxyConfig, parseCalibrationInput, type ReplicatedResults, type RunResults } from '../../../simulation/index';
import type { AppServices } from '../../app/app-context';
import { isDirty } from '../../stores/document/document-store';
import { pipelineName } from '../../stores/document/editable-document';
import { APP_VERSION } from './app-version';
import { dataExportFile, type DataSource, type ExportFile } from './data-exports';
import { exportStem, type DataExportKind } from './file-names';
import { isPreflightExport } from './calibration/calibration-view';
import { importedPipelineFileName } from './import/proxy-config-view';
import { importerMessage, localDate, readJson, readJsonOrLines } from './import/read-input';
import type { IoDialog } from './io-dialog';

export interface IoActions {
  /** File → Export report…: the launch report dialog. */
  openReportDialog(): void;
  /** Where data exports come from now; null before the first run. */
  dataSource(): DataSource | null;
  exportData(kind: DataExportKind): Promise<void>;
  /** Saves a file (download in the browser); toasts the outcome. True when written. */
  saveFile(file: ExportFile | { suggestedName: string; data: Uint8Array; mime: string; extensions: string[] }): Promise<boolean>;
  /** A finished report's replications: the headline CSV then carries their intervals. */
  rememberReport(revision: number, results: RunResults, replicated: ReplicatedResults): void;
  importPriceMap(): Promise<void>;
  importProxyConfig(): Promise<void>;
  calibrateFromTraces(): Promise<void>;
  /** Opens an imported pipeline as a new unsaved document (asks first when there are unsaved changes). */
  openImportedPipeline(yamlFileName: string, doc: unknown): void;
}

type Services = Omit<AppServices, 'actions'>;

export function createIoActions(s: Services, openText: AppServices['actions']['openText']): IoActions {
  const { platform, documents, runs, ui, validation } = s;
  let report: { revision: number; results: RunResults; replicated: ReplicatedResults } | null = null;

  const show = (io: IoDialog) => ui.getState().openDialog({ type: 'io', io });
  const importError = (what: string, fileName: string, message: string, excerpt?: string) => show({ kind: 'import-error', what, fileName, message, ...(excerpt ? { excerpt } : {}) });
  const stem = () => {
    const { file, doc } = documents.getState();
    return exportStem(file, pipelineName(doc));
  };
  /** The picker, or null when cancelled; a read failure is shown, never thrown. */
  const pick = async (accept: string[], what: string) => {
    try {
      return await platform.openTextFile({ accept });
    } catch (e) {
      ui.getState().toast('error', `Could not read the ${what}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  };

  const actions: IoActions = {
    openReportDialog: () => show({ kind: 'report' }),
    dataSource() {
      const revision = documents.getState().revision;
      if (report && report.revision === revision) return { results: report.results, replicated: report.replicated, stale: false };
      const run = runs.getState();
      if (!run.results) return null;
      return { results: run.results, replicated: null, stale: run.resultsRevision !== revision };
    },
    async exportData(kind) {
      const source = actions.dataSource();
      if (!source) {
        ui.getState().toast('info', 'Run the pipeline first: there are no results to export yet.');
        return;
      }
      let file: ExportFile;
      try {
        file = dataExportFile(kind, source, { stem: stem(), appVersion: APP_VERSION, now: new Date(), catalog: validation.flush().catalog });
      } catch (e) {
        ui.getState().toast('error', `Nothing to export: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      await actions.saveFile(file);
    },
    async saveFile(file) {
      try {
        const saved = await platform.saveExport(file);
        if (!saved) return false;
        ui.getState().toast('success', platform.kind === 'web' ? `Downloaded ${file.suggestedName}` : `Saved ${saved.path}`);
        return true;
      } catch (e) {
        ui.getState().toast('error', `Could not save ${file.suggestedName}: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
    },
    rememberReport(revision, results, replicated) {
      report = { revision, results, replicated };
    },

    async importPriceMap() {
      const file = await pick(['.json', 'application/json'], 'price map');
      if (!file) return;
      const what = 'a LiteLLM price map';
      const json = readJson(file.text);
      if (!json.ok) return importError(what, file.name, json.message, json.excerpt);
      try {
        show({ kind: 'price-map', fileName: file.name, result: importLiteLlmPriceMap(json.value, { recordedOn: localDate(new Date()) }) });
      } catch (e) {
        importError(what, file.name, importerMessage(`${what} (model name → price entry)`, e));
      }
    },
    async importProxyConfig() {
      const file = await pick(['.yaml', '.yml'], 'proxy config');
      if (!file) return;
      try {
        show({ kind: 'proxy-config', fileName: file.name, result: importLiteLlmProxyConfig(file.text, { catalog: validation.flush().catalog }) });
      } catch (e) {
        const raw = e instanceof Error ? e.message : String(e);
        // The importer names its input "config.yaml"; a YAML syntax error is shown as it is.
        const message = raw.startsWith('config.yaml: ') ? raw.slice('config.yaml: '.length) : importerMessage('a LiteLLM proxy config', e);
        importError('a LiteLLM proxy config', file.name, message);
      }
    },
    async calibrateFromTraces() {
      const file = await pick(['.json', '.jsonl', '.ndjson', 'application/json'], 'trace file');
      if (!file) return;
      const what = 'OTLP/JSON traces or LiteLLM spend logs';
      const input = readJsonOrLines(file.text);
      if (!input.ok) return importError(what, file.name, input.message, input.excerpt);
      try {
        const observations = parseCalibrationInput(input.value);
        const fitted = fitCalibration(observations);
        if (fitted.models.length === 0) {
          const why = fitted.skipped.slice(0, 3).map((k) => `${k.path}: ${k.reason}`);
          return importError(what, file.name, `no model calls found. ${[...fitted.notes, ...why].join(' ')}`);
        }
        show({ kind: 'calibration', fileName: file.name, report: fitted, observations, simulated: isPreflightExport(file.text) });
      } catch (e) {
        importError(what, file.name, importerMessage(what, e));
      }
    },
    openImportedPipeline(yamlFileName, doc) {
      const proceed = () => {
        ui.getState().closeDialog();
        const name = importedPipelineFileName(yamlFileName);
        if (openText({ path: null, name, text: JSON.stringify(doc) }, { dirty: true })) {
          ui.getState().toast('success', `Opened the pipeline imported from ${yamlFileName} as ${name} (not saved yet).`);
        }
      };
      if (isDirty(documents.getState())) ui.getState().openDialog({ type: 'confirm-discard', action: 'open the imported pipeline', proceed });
      else proceed();
    },
  };
  return actions;
}
