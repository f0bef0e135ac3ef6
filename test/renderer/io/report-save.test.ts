import { describe, expect, it } from 'vitest';
import type { PreflightApi } from '../../../electron/contract/api';
import { saveReport } from '../../../renderer/features/io/report/report-job';
import { createElectronPlatform } from '../../../renderer/platform/electron-platform';
import { testServices } from '../app/services';

describe('saving a report', () => {
  it('desktop PDF: printToPDF of the HTML, then the bytes through the save dialog', async () => {
    const s = testServices();
    const printed: string[] = [];
    const saved: Array<{ suggestedName: string; data: string | Uint8Array; mime: string; extensions: string[] }> = [];
    s.platform.printToPdf = async (html) => (printed.push(html), new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    s.platform.saveExport = async (file) => (saved.push(file), { path: `/home/me/${file.suggestedName}` });
    Object.assign(s.platform, { kind: 'electron' });
    expect(await saveReport(s, '<html>report</html>', 'rag', 'pdf')).toBe(true);
    expect(printed).toEqual(['<html>report</html>']);
    expect(saved).toEqual([{ suggestedName: 'rag.report.pdf', data: new Uint8Array([0x25, 0x50, 0x44, 0x46]), mime: 'application/pdf', extensions: ['pdf'] }]);
    expect(s.ui.getState().toasts.at(-1)?.text).toBe('Saved /home/me/rag.report.pdf');
    expect(await saveReport(s, '<html>report</html>', 'rag', 'html')).toBe(true);
    expect(saved[1]).toEqual({ suggestedName: 'rag.report.html', data: '<html>report</html>', mime: 'text/html', extensions: ['html'] });
  });

  it('a cancelled save dialog saves nothing; a build without printToPDF says how to get a PDF', async () => {
    const s = testServices();
    s.platform.saveExport = async () => null;
    expect(await saveReport(s, '<html></html>', 'rag', 'html')).toBe(false);
    await expect(saveReport(s, '<html></html>', 'rag', 'pdf')).rejects.toThrow(/open the printable report and choose Save as PDF/);
  });
});

describe('desktop platform', () => {
  it('names export types in the save dialog and reads imports with the page\'s own file picker', async () => {
    const calls: unknown[] = [];
    const api = { saveExport: async (args: unknown) => (calls.push(args), { path: '/x.csv' }) } as unknown as PreflightApi;
    const platform = createElectronPlatform(api, async (accept) => (calls.push(accept), new File(['{"a":1}'], 'prices.json')));
    await platform.saveExport({ suggestedName: 'x.csv', data: 'a,b\r\n', mime: 'text/csv', extensions: ['csv'] });
    expect(calls[0]).toEqual({ suggestedName: 'x.csv', data: 'a,b\r\n', filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }] });
    expect(await platform.openTextFile({ accept: ['.json'] })).toEqual({ name: 'prices.json', text: '{"a":1}' });
    expect(calls[1]).toBe('.json');
  });
});
