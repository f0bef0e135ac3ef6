import { sha256Hex } from '../../../../simulation/index';
import type { AppServices } from '../../../app/app-context';
import { isDirty } from '../../../stores/document/document-store';
import { pipelineName, serializeDocument } from '../../../stores/document/editable-document';
import { jsonEqual } from '../../../stores/document/json-ops';
import { APP_VERSION } from '../app-version';
import { exportStem, reportFileName } from '../file-names';
import { reportExtras, reportMeta, type ReportPlan } from './report-input';
import type { AvailableExtras } from './analysis-extras';
import type { ReportJob } from './report-protocol';

/**
 * The text the footer's hash is of: the file on disk when the document is that file (saved, no
 * edits since), so the hash equals `sha256sum` of it even when it was written by hand or another
 * tool; otherwise the text Save would write now. The file is read back through the platform (the
 * desktop reads it from disk, the browser from its stored copy); reading the current document again
 * only touches the recent list, where it is already first.
 */
export async function documentTextForHash(s: Pick<AppServices, 'documents' | 'platform'>): Promise<string> {
  const state = s.documents.getState();
  const serialized = serializeDocument(state.doc);
  if (state.file.path === null || isDirty(state)) return serialized;
  try {
    const disk = await s.platform.readRecent(state.file.path);
    return jsonEqual(JSON.parse(disk.text), state.doc) ? disk.text : serialized;
  } catch {
    return serialized; // moved or deleted since it was opened: the next Save writes `serialized`
  }
}

/** The report job for the document as it is now, with the footer's meta (hash, file name, time, CLI line). */
export async function reportJob(s: Pick<AppServices, 'documents' | 'platform'>, plan: ReportPlan, available: AvailableExtras | null, now: Date): Promise<{ job: ReportJob; revision: number; stem: string }> {
  const { doc, file, revision } = s.documents.getState();
  const stem = exportStem(file, pipelineName(doc));
  const documentText = await documentTextForHash(s);
  const withAnalysis = plan.analysis && available !== null;
  const meta = reportMeta({ appVersion: APP_VERSION, fileName: file.name, stem, documentText, hash: sha256Hex, now, plan, cliFlags: withAnalysis ? available.cliFlags : [] });
  const extras = reportExtras(plan, available?.extras ?? null);
  return { job: { type: 'report', document: doc, replications: plan.replications, capacity: plan.capacity, roi: extras.roi, whatIfs: extras.whatIfs, meta }, revision, stem };
}

/** Saves a finished report as HTML, or (desktop) as PDF through the shell's printToPDF. */
export async function saveReport(s: Pick<AppServices, 'platform' | 'actions'>, html: string, stem: string, format: 'html' | 'pdf'): Promise<boolean> {
  const suggestedName = reportFileName(stem, format);
  if (format === 'html') return s.actions.saveFile({ suggestedName, data: html, mime: 'text/html', extensions: ['html'] });
  const pdf = await s.platform.printToPdf(html);
  if (!pdf) throw new Error('this build cannot make PDF files itself; open the printable report and choose Save as PDF');
  return s.actions.saveFile({ suggestedName, data: pdf, mime: 'application/pdf', extensions: ['pdf'] });
}
