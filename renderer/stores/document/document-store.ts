import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Command } from './commands';
import { blankDocument, type EditableDocument } from './editable-document';
import { applyOps, invertOps, type JsonOp } from './json-ops';

export interface DocumentFile {
  /** Where the document lives (desktop path, or a web pseudo-path); null until first saved. */
  path: string | null;
  /** File name for the title bar. */
  name: string;
}

export interface HistoryEntry {
  id: number;
  label: string;
  ops: JsonOp[];
  mergeKey?: string;
  /** Wall-clock time of the last merged command, ms. */
  at: number;
}

export interface DocumentState {
  doc: EditableDocument;
  file: DocumentFile;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** History entry id that was on top when the document was last saved (0: before any edit). */
  savedEntryId: number;
  /** Increases on every change (edits, undo, redo, load); results and validation remember it. */
  revision: number;
  /** Increases on every load (New, Open, restore): the editor's fields remount, so no draft outlives its document. */
  generation: number;
  /** Applies a command and records it; false when there was nothing to do. */
  execute(command: Command | null): boolean;
  undo(): void;
  redo(): void;
  /** Replaces the document (New, Open, restore) and starts a fresh history. */
  load(doc: EditableDocument, file: DocumentFile, options?: { dirty?: boolean }): void;
  /** Records a save of the state whose top history entry was `entryId` (default: the current one). */
  markSaved(file: DocumentFile, entryId?: number): void;
}

export type DocumentStore = StoreApi<DocumentState>;

/** Undo depth; older entries are dropped (each entry holds only its operations, so this is cheap). */
const MAX_HISTORY = 500;
/** A saved marker no history entry ever has: the document differs from any file on disk. */
const NEVER_SAVED = -1;

export function topEntryId(entries: readonly HistoryEntry[]): number {
  return entries[entries.length - 1]?.id ?? 0;
}

export function isDirty(state: Pick<DocumentState, 'past' | 'savedEntryId'>): boolean {
  return topEntryId(state.past) !== state.savedEntryId;
}

/** Commands with the same merge key this close together are one undo step. */
const MERGE_WINDOW_MS = 1000;

export function createDocumentStore(initial: EditableDocument = blankDocument(), file: DocumentFile = { path: null, name: 'untitled.preflight.json' }, now: () => number = Date.now): DocumentStore {
  let nextId = 1;
  return createStore<DocumentState>()((set, get) => ({
    doc: initial,
    file,
    past: [],
    future: [],
    savedEntryId: 0,
    revision: 0,
    generation: 0,
    execute(command) {
      if (!command || command.ops.length === 0) return false;
      const { doc, past, revision, savedEntryId } = get();
      const next = applyOps(doc, command.ops);
      const top = past[past.length - 1];
      const time = now();
      // Merging into the saved entry would hide the change from the dirty marker, so it never does.
      if (command.mergeKey && top?.mergeKey === command.mergeKey && time - top.at < MERGE_WINDOW_MS && top.id !== savedEntryId) {
        const merged: HistoryEntry = { ...top, ops: [...top.ops, ...command.ops], at: time };
        set({ doc: next, past: [...past.slice(0, -1), merged], future: [], revision: revision + 1 });
        return true;
      }
      const entry: HistoryEntry = { id: nextId++, label: command.label, ops: command.ops, at: time, ...(command.mergeKey ? { mergeKey: command.mergeKey } : {}) };
      set({ doc: next, past: [...past, entry].slice(-MAX_HISTORY), future: [], revision: revision + 1 });
      return true;
    },
    undo() {
      const { doc, past, future, revision } = get();
      const entry = past[past.length - 1];
      if (!entry) return;
      set({ doc: applyOps(doc, invertOps(entry.ops)), past: past.slice(0, -1), future: [...future, entry], revision: revision + 1 });
    },
    redo() {
      const { doc, past, future, revision } = get();
      const entry = future[future.length - 1];
      if (!entry) return;
      set({ doc: applyOps(doc, entry.ops), past: [...past, entry], future: future.slice(0, -1), revision: revision + 1 });
    },
    load(doc, file, options = {}) {
      set({ doc, file, past: [], future: [], savedEntryId: options.dirty ? NEVER_SAVED : 0, revision: get().revision + 1, generation: get().generation + 1 });
    },
    markSaved(file, entryId = topEntryId(get().past)) {
      set({ file, savedEntryId: entryId });
    },
  }));
}
