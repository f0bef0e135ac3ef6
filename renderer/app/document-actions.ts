import { loadPipeline } from '../../simulation/index';
import type { OpenedFile, RecentFile } from '../platform/platform';
import { isDirty, topEntryId } from '../stores/document/document-store';
import { findJsonSyntaxError } from '../stores/document/json-syntax';
import { blankDocument, pipelineName, serializeDocument, toEditable } from '../stores/document/editable-document';
import type { AppServices } from './app-context';
import { commitFocusedField } from './commit-focused-field';
import { TEMPLATES } from './templates';

export interface DocumentActions {
  /** New from a template id, or blank (null). Asks first when there are unsaved changes. */
  newDocument(templateId: string | null): void;
  open(): Promise<void>;
  openRecent(path: string): Promise<void>;
  /** Opens file text: invalid pipelines open with their problems; undrawable files get an error screen. */
  openText(file: { path: string | null; name: string; text: string }, options?: { dirty?: boolean }): boolean;
  save(saveAs?: boolean): Promise<boolean>;
  listRecent(): Promise<RecentFile[]>;
  /** Saves the last run's results as JSON (the same JSON as the CLI's --json). */
  exportResults(): Promise<void>;
}

type Services = Omit<AppServices, 'actions'>;

/** "Optimized RAG (retrieve 20…)" → "optimized-rag-retrieve-20.preflight.json" */
export function suggestedFileName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'pipeline';
  return `${slug}.preflight.json`;
}

export function createDocumentActions(s: Services): DocumentActions {
  const { platform, documents, ui, runs } = s;

  /** Runs `proceed` now, or after the user agrees to drop unsaved changes. */
  const guard = (action: string, proceed: () => void) => {
    if (isDirty(documents.getState())) ui.getState().openDialog({ type: 'confirm-discard', action, proceed });
    else proceed();
  };

  const afterLoad = () => {
    runs.getState().clear();
    ui.getState().select([]);
    ui.getState().setView('editor');
    ui.getState().requestView('fit');
  };

  const openText: DocumentActions['openText'] = (file, options = {}) => {
    let raw: unknown;
    try {
      raw = JSON.parse(file.text);
    } catch (e) {
      const where = findJsonSyntaxError(file.text);
      const message = where ? `line ${where.line}, column ${where.column}: ${where.message}` : e instanceof Error ? e.message : String(e);
      ui.getState().openDialog({
        type: 'open-error',
        name: file.name,
        reason: 'The file is not valid JSON, so it cannot be drawn.',
        problems: [{ severity: 'error', path: '$', message: `$: not valid JSON at ${message}` }],
        ...(where ? { excerpt: where.excerpt } : {}),
      });
      return false;
    }
    const editable = toEditable(raw);
    if (!editable.ok) {
      const result = loadPipeline(raw);
      ui.getState().openDialog({ type: 'open-error', name: file.name, reason: editable.reason, problems: result.ok ? [] : result.problems });
      return false;
    }
    documents.getState().load(editable.doc, { path: file.path, name: file.name }, options);
    afterLoad();
    const check = s.validation.flush();
    if (check.errorCount) {
      ui.getState().setProblemsOpen(true);
      ui.getState().toast('error', `${file.name} opened with ${check.errorCount} problem${check.errorCount > 1 ? 's' : ''}; see the Problems panel.`);
    }
    return true;
  };

  const fail = (what: string, e: unknown) => ui.getState().toast('error', `${what}: ${e instanceof Error ? e.message : String(e)}`);

  return {
    openText,
    newDocument(templateId) {
      guard('start a new pipeline', () => {
        const template = TEMPLATES.find((t) => t.id === templateId);
        if (template) openText({ path: null, name: template.fileName, text: JSON.stringify(template.document) });
        else {
          documents.getState().load(blankDocument(), { path: null, name: 'untitled.preflight.json' });
          afterLoad();
        }
        ui.getState().closeDialog();
      });
    },
    async open() {
      guard('open another file', () => {
        platform.openPipeline().then(
          (file: OpenedFile | null) => file && openText(file),
          (e: unknown) => fail('Could not open the file', e),
        );
      });
    },
    async openRecent(path) {
      guard('open another file', () => {
        platform.readRecent(path).then(
          (file) => openText(file),
          (e: unknown) => fail('Could not open the recent file', e),
        );
      });
    },
    async save(saveAs = false) {
      // Ctrl+S while typing saves what the field shows (a refused value stays out, in red).
      commitFocusedField();
      const { doc, file, past } = documents.getState();
      const entryId = topEntryId(past);
      const text = serializeDocument(doc);
      try {
        const saved = await platform.savePipeline({ path: file.path, suggestedName: file.path ? file.name : suggestedFileName(pipelineName(doc)), text, saveAs });
        if (!saved) return false;
        // Mark the state that was written: an edit made while the save was in flight stays dirty.
        documents.getState().markSaved(saved, entryId);
        await platform.clearAutosave().catch(() => undefined);
        ui.getState().toast('success', platform.kind === 'web' ? `Downloaded ${saved.name}` : `Saved ${saved.name}`);
        return true;
      } catch (e) {
        fail('Could not save', e);
        return false;
      }
    },
    listRecent: () => platform.listRecent(),
    async exportResults() {
      const results = runs.getState().results;
      if (!results) {
        ui.getState().toast('info', 'Run the pipeline first: there are no results to export yet.');
        return;
      }
      const name = suggestedFileName(pipelineName(documents.getState().doc)).replace(/\.preflight\.json$/, `.seed-${results.run.seed}.results.json`);
      try {
        const saved = await platform.saveExport({ suggestedName: name, data: `${JSON.stringify(results, null, 2)}\n`, mime: 'application/json', extensions: ['json'] });
        if (saved) ui.getState().toast('success', `Exported ${name}`);
      } catch (e) {
        fail('Could not export the results', e);
      }
    },
  };
}
