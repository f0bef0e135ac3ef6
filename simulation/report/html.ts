import { esc } from './html-escape';
import type { ReportInput } from './report-input';
import { assumptionsSection, checklistSection } from './sections/assumptions';
import { capacitySection } from './sections/capacity';
import { costSection } from './sections/cost';
import { planningSection } from './sections/planning';
import { reliabilitySection } from './sections/reliability';
import { summarySection } from './sections/summary';
import { pipelineDiagram } from './svg/pipeline-diagram';

const CSS = `
*{box-sizing:border-box}body{font-family:Inter,"Segoe UI",Helvetica,Arial,sans-serif;color:#111827;margin:0;background:#fff;font-size:12.5px;line-height:1.45}
main{max-width:820px;margin:0 auto;padding:28px 32px}h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 8px;padding-bottom:4px;border-bottom:2px solid #e5e7eb}
h3{font-size:13px;margin:14px 0 6px}table{border-collapse:collapse;width:100%;margin:6px 0 10px}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #eef0f3;vertical-align:top}
thead th{font-size:11px;color:#6b7280;font-weight:600;border-bottom:1px solid #d1d5db}td[data-value],td[data-figure]{font-variant-numeric:tabular-nums}
.note{color:#6b7280;font-size:11.5px}.ci{color:#6b7280;font-size:11px}.ok{color:#047857;font-weight:600}.bad{color:#b91c1c;font-weight:600}td.status,.nowrap{white-space:nowrap}
.verdict{font-size:14px;font-weight:600;padding:8px 12px;border-radius:6px}.verdict.pass{background:#ecfdf5;color:#065f46}.verdict.fail{background:#fef2f2;color:#991b1b}
.warning{background:#fffbeb;border:1px solid #f59e0b;border-radius:6px;padding:6px 12px;margin:8px 0}.alert{border-left:4px solid #9ca3af;padding:4px 10px;margin:6px 0;background:#f9fafb}
.alert.critical{border-color:#b91c1c}.alert.high{border-color:#ea580c}.alert.medium{border-color:#ca8a04}.alert.low{border-color:#2563eb}.alert ol{margin:4px 0 2px 18px;padding:0}
.meta{color:#6b7280;font-size:11.5px}svg{max-width:100%;height:auto;display:block;margin:6px 0}td.source{overflow-wrap:anywhere;font-size:10.5px}table.params td{font-size:11px}
footer{margin-top:28px;padding-top:8px;border-top:1px solid #e5e7eb;color:#6b7280;font-size:10.5px}footer code,footer [data-file-hash]{overflow-wrap:anywhere}
#pipeline svg{max-height:235mm;width:auto;max-width:100%}
h2,h3{break-after:avoid;page-break-after:avoid}table.keep,tr,svg,.alert,.verdict,.warning{break-inside:avoid;page-break-inside:avoid}p{orphans:3;widows:3}
@page{size:A4;margin:14mm}@media print{main{padding:0;max-width:none}section{break-inside:auto}}
`;

/**
 * How big a table may be and still be kept on one printed page: rows, and characters of text (long
 * rows wrap to many lines). Longer tables flow from page to page between rows, their header repeated.
 */
const KEEP_ROWS = 16;
const KEEP_CHARS = 1200;

/** Marks small tables `keep` so print never splits them, and leaves long ones to break between rows. */
export function keepSmallTables(html: string): string {
  return html.replace(/<table(?: class="([^"]*)")?>([\s\S]*?)<\/table>/g, (table, cls: string | undefined, inner: string) => {
    if ((inner.match(/<tr[\s>]/g) ?? []).length > KEEP_ROWS || inner.replace(/<[^>]*>/g, '').length > KEEP_CHARS) return table;
    return `<table class="${cls ? `${cls} ` : ''}keep">${inner}</table>`;
  });
}

/**
 * The launch report as one self-contained HTML file: inline CSS, inline SVG charts, no scripts or
 * external resources, print-ready (A4). Figures carry their raw values in data attributes, and the
 * full results are embedded as JSON, so the report can be read back by tools.
 */
export function reportHtml(input: ReportInput): string {
  const { doc, meta } = input;
  const body = [
    `<header><h1>${esc(doc.pipeline.name)} — launch report</h1><p class="meta">${esc(doc.pipeline.description)}</p><p class="meta">Generated ${esc(meta.generatedAt)} by Preflight ${esc(meta.appVersion)} from ${esc(meta.fileName)}.</p></header>`,
    summarySection(input),
    `<section id="pipeline"><h2>Pipeline</h2>${pipelineDiagram(doc, input.catalog)}</section>`,
    costSection(input),
    capacitySection(input),
    reliabilitySection(input),
    planningSection(input),
    checklistSection(input),
    assumptionsSection(input),
    `<footer>Reproduce: <code>${esc(meta.command)}</code><br>Preflight ${esc(meta.appVersion)} · file ${esc(meta.fileName)} · SHA-256 <span data-file-hash="${esc(meta.fileHash)}">${esc(meta.fileHash)}</span> · seed ${input.results.run.seed}${input.replicated ? ` · ${input.replicated.seeds.length} replications` : ''} · generated ${esc(meta.generatedAt)}</footer>`,
  ];
  const embedded = JSON.stringify({ meta, results: input.results, replicated: input.replicated ? { seeds: input.replicated.seeds, confidence: input.replicated.confidence, headline: input.replicated.headline } : null }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${esc(doc.pipeline.name)} — Preflight launch report</title><style>${CSS}</style></head><body><main>${keepSmallTables(body.join('\n'))}</main><script type="application/json" id="preflight-results">${embedded}</script></body></html>`;
}
