/** Ids follow the file format's rule: a letter, then letters, digits, "_", "." or "-" (≤ 64 chars). */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function idProblem(id: string, taken: ReadonlySet<string>, what = 'node'): string | null {
  if (!ID_PATTERN.test(id)) return `"${id}" is not a valid id: use a letter, then letters, digits, "_", "." or "-" (at most 64 characters)`;
  if (taken.has(id)) return `a ${what} with id "${id}" already exists; ids must be unique`;
  return null;
}

/** `base`, or `base-2`, `base-3`… whichever is free first. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let clean = base.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z]+/, '');
  if (!clean) clean = 'node';
  clean = clean.slice(0, 56);
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
