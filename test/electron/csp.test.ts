import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../../electron/main/csp';

const EXPECTED =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

describe('content security policy', () => {
  it('is the agreed policy, directive for directive', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED);
  });

  it('runs only our own scripts: no inline script, no eval, nothing remote', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('allows same-origin module workers (the simulation worker)', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('worker-src')).toBe("'self' blob:");
  });

  it('is sent as a header with nosniff', () => {
    expect(securityHeaders()).toMatchObject({ 'Content-Security-Policy': EXPECTED, 'X-Content-Type-Options': 'nosniff' });
  });

  // The renderer's meta tag must say the same (frame-ancestors is ignored in a meta tag, so only the header has it).
  it.skipIf(!existsSync('renderer/index.html'))('matches the meta tag of renderer/index.html', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    const fromMeta = directives(meta!);
    fromMeta.delete('frame-ancestors');
    expect(Object.fromEntries(fromMeta)).toEqual(Object.fromEntries(header));
  });
});
