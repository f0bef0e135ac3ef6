/**
 * The Content Security Policy of the app page. Main sends it as a response header on everything the
 * `app://` scheme serves (workers take their policy from their own response, so scripts get it too);
 * the renderer's index.html carries the same policy as a meta tag for the browser build.
 *
 * Why each directive:
 * - script-src 'self': only the bundled scripts run; no inline script, no eval.
 * - style-src 'unsafe-inline': xyflow and echarts set inline styles; styles cannot run code.
 * - img-src / font-src data: blob:: exported chart images and inlined icons/fonts.
 * - worker-src 'self' blob:: the simulation runs in a module Web Worker from the same origin.
 * - connect-src 'self': no network access at all from the page.
 * - object-src, base-uri, form-action, frame-ancestors: close the classic injection doors.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Headers added to every response of the app scheme. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // Never guess a type: a JSON or text file must not be run as a script.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
