/**
 * The `--json` results reference (docs/results.md), read from the TypeScript types the CLI prints:
 * every field's JSON path, type and doc comment. Generated, so it cannot drift from the code; a test
 * checks the file is current (`npm run docs` rewrites it).
 */
import ts from 'typescript';
import { fileURLToPath } from 'node:url';

interface Root {
  /** Exported interface name, and the file that declares it (relative to the repo). */
  name: string;
  file: string;
  title: string;
  intro: string;
}

const ROOTS: Root[] = [
  {
    name: 'RunResults',
    file: 'simulation/results/types.ts',
    title: 'One run: `preflight run file --json`',
    intro: 'Also the `results` of `report --csv PREFIX` (`PREFIX-results.json`), the app\'s Export JSON, and each replication below.',
  },
  {
    name: 'CheckReport',
    file: 'simulation/cli/commands/check.ts',
    title: 'The launch gate: `preflight check file --json`',
    intro: 'Gate on `passed` (or the exit code), not on a latency field alone: a latency is `null` when nothing was served, and `jq` treats `null < 5000` as true.',
  },
  {
    name: 'ScenarioDiff',
    file: 'simulation/analysis/compare.ts',
    title: 'A comparison: `preflight diff base head --json` (and `compare … --json`)',
    intro: 'One run of each side with the same seed (common random numbers).',
  },
  {
    name: 'ReplicatedResults',
    file: 'simulation/analysis/replications.ts',
    title: 'Replications: `preflight run file --replications N --json`',
    intro: 'The mean and confidence interval of each headline figure over N seeds, with every replication\'s own results.',
  },
];

export interface Row {
  path: string;
  type: string;
  doc: string;
  /** The named type whose table continues this field, and the path segments between (`[]`, `.<key>`). */
  ref?: { name: string; suffix: string };
}

const repoFile = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

function findInterface(program: ts.Program, root: Root): ts.InterfaceDeclaration {
  const source = program.getSourceFile(repoFile(root.file));
  const found = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === root.name);
  if (!found) throw new Error(`${root.name} is not an interface in ${root.file}`);
  return found;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

/** The object type under a field (arrays by their element, maps by their value, `T | null` by T), or null for a leaf. */
function inner(checker: ts.TypeChecker, type: ts.Type): { type: ts.Type; suffix: string } | null {
  const nonNull = checker.getNonNullableType(type);
  if (checker.isArrayType(nonNull)) {
    const deeper = inner(checker, checker.getTypeArguments(nonNull as ts.TypeReference)[0]!);
    return deeper ? { type: deeper.type, suffix: `[]${deeper.suffix}` } : null;
  }
  if (checker.isTupleType(nonNull) || nonNull.isUnion() || !(nonNull.flags & ts.TypeFlags.Object)) return null;
  const index = checker.getIndexInfosOfType(nonNull)[0];
  if (index) {
    const deeper = inner(checker, index.type);
    return deeper ? { type: deeper.type, suffix: `.<key>${deeper.suffix}` } : null;
  }
  const props = checker.getPropertiesOfType(nonNull);
  // A mapped type (`Partial<Record<Figure, Interval>>`) has synthetic properties: read it as a map.
  if (props.length > 0 && props.every((p) => !p.valueDeclaration)) {
    const deeper = inner(checker, checker.getTypeOfSymbol(props[0]!));
    return deeper ? { type: deeper.type, suffix: `.<key>${deeper.suffix}` } : null;
  }
  return props.length > 0 ? { type: nonNull, suffix: '' } : null;
}

/** A named type gets its own table (it recurs: a latency summary is in a dozen places); an inline object is expanded in place. */
function namedInterface(type: ts.Type): string | null {
  if (type.aliasSymbol && !type.aliasTypeArguments) return type.aliasSymbol.name;
  const decl = type.getSymbol()?.declarations?.[0];
  return decl && ts.isInterfaceDeclaration(decl) ? decl.name.text : null;
}

/** How a field's type reads: named types by name, an inline object as `object` (its fields follow it). */
function typeText(checker: ts.TypeChecker, type: ts.Type): string {
  const text = checker.typeToString(type, undefined, FORMAT);
  const deeper = inner(checker, type);
  if (!deeper || namedInterface(deeper.type)) return text;
  const nullable = checker.getNonNullableType(type) !== type ? ' | null' : '';
  const shape = deeper.suffix.startsWith('.<key>') ? 'map of object' : 'object';
  return `${shape}${deeper.suffix.replace(/^\.<key>/, '').replace(/\.<key>/g, ' map')}${nullable}`;
}

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/** The rows of one type: its fields, inline objects expanded under them; named interfaces met on the way are added to `pending`. */
function walk(checker: ts.TypeChecker, type: ts.Type, prefix: string, rows: Row[], pending: Map<string, ts.Type>): void {
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (!decl) continue;
    const propType = checker.getTypeOfSymbolAtLocation(prop, decl);
    const optional = prop.flags & ts.SymbolFlags.Optional ? '?' : '';
    const row: Row = { path: `${prefix}${prop.name}${optional}`, type: typeText(checker, propType), doc: ts.displayPartsToString(prop.getDocumentationComment(checker)) };
    rows.push(row);
    const deeper = inner(checker, propType);
    if (!deeper) continue;
    const named = namedInterface(deeper.type);
    if (named) {
      row.ref = { name: named, suffix: deeper.suffix };
      if (!pending.has(named)) pending.set(named, deeper.type);
    } else walk(checker, deeper.type, `${prefix}${prop.name}${deeper.suffix}.`, rows, pending);
  }
}

function createProgram(): ts.Program {
  return ts.createProgram(
    ROOTS.map((r) => repoFile(r.file)),
    { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: [] },
  );
}

export interface Section {
  name: string;
  file: string;
  doc: string;
  rows: Row[];
}

const anchor = (name: string) => `#${name.toLowerCase()}`;

/** Every table: the roots, then each named interface they reach, breadth first, once. */
export function resultSections(): Section[] {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const repoRoot = repoFile('');
  const sections: Section[] = [];
  const pending = new Map<string, ts.Type>();
  const done = new Set<string>();
  const add = (name: string, type: ts.Type) => {
    done.add(name);
    const symbol = type.aliasSymbol ?? type.getSymbol()!;
    const decl = symbol.declarations![0]!;
    const rows: Row[] = [];
    walk(checker, type, '', rows, pending);
    const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    sections.push({ name, file: decl.getSourceFile().fileName.replace(repoRoot, ''), doc, rows });
  };
  for (const root of ROOTS) {
    const decl = findInterface(program, root);
    add(root.name, checker.getTypeAtLocation(decl.name));
  }
  for (let next = [...pending].find(([n]) => !done.has(n)); next; next = [...pending].find(([n]) => !done.has(n))) add(next[0], next[1]);
  return sections;
}

/**
 * Every JSON path under a root with the named tables spliced in (`quotas[].utilisation.tpm.peak`),
 * `?` marks dropped: what a consumer of the JSON sees. Recursion through a type already on the way
 * stops there.
 */
export function expandedPaths(sections: Section[], rootName: string, on: readonly string[] = []): string[] {
  const section = sections.find((s) => s.name === rootName);
  if (!section || on.includes(rootName)) return [];
  const out: string[] = [];
  for (const row of section.rows) {
    const path = row.path.replace(/\?/g, '');
    out.push(path);
    if (!row.ref) continue;
    // A map level is a path of its own (`series.quotas.openai`); an array level is not.
    const suffix = row.ref.suffix;
    for (let at = suffix.indexOf('<key>'); at >= 0; at = suffix.indexOf('<key>', at + 1)) out.push(`${path}${suffix.slice(0, at + 5)}`);
    for (const sub of expandedPaths(sections, row.ref.name, [...on, rootName])) out.push(`${path}${suffix}.${sub}`);
  }
  return out;
}

/** Type text with the named interfaces linked to their tables. */
function typeCell(type: string, names: Set<string>): string {
  return cell(type)
    .split(/\b/)
    .map((word) => (names.has(word) ? `[${word}](${anchor(word)})` : word))
    .join('')
    .replace(/^(.*)$/, (t) => (t.includes('](') ? t : `\`${t}\``));
}

/** docs/results.md. */
export function resultsMarkdown(): string {
  const sections = resultSections();
  const names = new Set(sections.map((s) => s.name));
  const parts = [
    '# Results reference (`--json`)',
    '',
    'Generated from the TypeScript types by `npm run docs`: every field the CLI prints with `--json`, its JSON path, type and meaning. Field names are stable and carry their units: `…Ms` milliseconds of simulated time, `…Usd` US dollars, `…Tokens` tokens, `…Rps` requests per second; shares and rates are fractions 0..1 (0.0125 = 1.25 %). A path segment `[]` is any element of an array, `<key>` any key of a map; `?` marks a field that may be absent. Latency figures are `null` when no request was served. A type in a link is a table of its own further down.',
    '',
    'In a CI job, read a figure with e.g. `jq .headline.p99Ms`. A latency is `null` when no request was served, and `jq` orders `null` before every number, so `jq -e \'.headline.p99Ms < 5000\'` passes a pipeline that served nothing: write `jq -e \'.headline.p99Ms != null and .headline.p99Ms < 5000\'`, or gate with `preflight check`, whose exit code and `passed` fail a latency target when nothing was served.',
  ];
  for (const section of sections) {
    const root = ROOTS.find((r) => r.name === section.name);
    parts.push('', `## ${section.name}`, '');
    if (root) parts.push(`**${root.title}.** ${root.intro}`, '');
    parts.push(`\`${section.file}\`${section.doc ? `: ${cell(section.doc)}` : ''}`, '', '| Field | Type | Meaning |', '|---|---|---|');
    for (const r of section.rows) parts.push(`| \`${r.path}\` | ${typeCell(r.type, names)} | ${cell(r.doc)} |`);
  }
  return `${parts.join('\n')}\n`;
}
