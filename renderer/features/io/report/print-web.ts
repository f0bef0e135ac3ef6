/** How long to wait for the report tab to finish loading before giving up on opening the print dialog. */
const LOAD_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/**
 * The web build's PDF: the report opens in a tab of its own (a page made for printing: A4 page rules,
 * no app around it) and the browser's print dialog opens on it, where the user picks "Save as PDF".
 * Must run inside a click: browsers block tabs opened without one. Returns false when the tab was
 * blocked anyway.
 *
 * The report carries a CSP that forbids scripts, so the print call comes from this page; a blob URL
 * keeps the report same-origin for that. Readiness is polled rather than awaited with a `load`
 * listener, because the new window first holds about:blank and listeners on it may not survive.
 */
export function openPrintableReport(html: string, win: Pick<Window, 'open'> = window): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const tab = win.open(url, '_blank');
  if (!tab) {
    URL.revokeObjectURL(url);
    return false;
  }
  const started = Date.now();
  const timer = setInterval(() => {
    let ready: boolean;
    try {
      ready = tab.location.href === url && tab.document.readyState === 'complete';
    } catch {
      // Not readable (closed, or navigated elsewhere): nothing to print.
      clearInterval(timer);
      return;
    }
    if (ready) {
      clearInterval(timer);
      tab.addEventListener('pagehide', () => URL.revokeObjectURL(url), { once: true });
      tab.focus();
      tab.print();
    } else if (tab.closed || Date.now() - started > LOAD_TIMEOUT_MS) clearInterval(timer);
  }, POLL_MS);
  return true;
}
