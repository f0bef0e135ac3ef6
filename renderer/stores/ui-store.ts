import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../../simulation/index';
import type { IoDialog } from '../features/io/io-dialog';
import type { AutosaveEntry } from '../platform/platform';

export type MainView = 'editor' | 'results' | 'analysis';
/** fit: zoom to fit; focus: centre a node; layout: auto-layout (the canvas knows the node sizes). */
export type ViewRequestKind = 'fit' | 'focus' | 'layout';
export type SideTab = 'node' | 'traffic' | 'quotas' | 'pipeline' | 'faults';
/** The Results view's tabs (kept here so they survive switching to the editor and back). */
export type ResultsTab = 'overview' | 'reliability' | 'quality' | 'traces';

export type Dialog =
  | { type: 'new' }
  | { type: 'help' }
  | { type: 'recovery'; entry: AutosaveEntry }
  /** A file that cannot be drawn at all (not JSON, or nodes/edges of the wrong shape). */
  | { type: 'open-error'; name: string; reason: string; problems: Problem[]; excerpt?: string }
  /** Unsaved changes would be lost: `proceed` runs if the user agrees. */
  | { type: 'confirm-discard'; action: string; proceed: () => void }
  /** Launch report, data imports and calibration (renderer/features/io). */
  | { type: 'io'; io: IoDialog };

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

export interface UiState {
  selection: { nodes: string[]; edges: string[] };
  view: MainView;
  sideTab: SideTab;
  resultsTab: ResultsTab;
  problemsOpen: boolean;
  minimap: boolean;
  dialog: Dialog | null;
  toasts: Toast[];
  /** A canvas request (fit the view, focus a node) the canvas consumes; a counter makes repeats distinct. */
  viewRequest: { kind: ViewRequestKind; nodeId?: string; seq: number } | null;
  select(nodes: string[], edges?: string[]): void;
  setView(view: MainView): void;
  setSideTab(tab: SideTab): void;
  setResultsTab(tab: ResultsTab): void;
  setProblemsOpen(open: boolean): void;
  toggleMinimap(): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  toast(tone: Toast['tone'], text: string): void;
  dismissToast(id: number): void;
  requestView(kind: ViewRequestKind, nodeId?: string): void;
  /** The canvas took the request. */
  consumeViewRequest(): void;
}

export type UiStore = StoreApi<UiState>;

const TOAST_MS = 6000;

export function createUiStore(): UiStore {
  let nextToast = 1;
  let seq = 0;
  return createStore<UiState>()((set, get) => ({
    selection: { nodes: [], edges: [] },
    view: 'editor',
    sideTab: 'node',
    resultsTab: 'overview',
    problemsOpen: true,
    minimap: true,
    dialog: null,
    toasts: [],
    viewRequest: null,
    select(nodes, edges = []) {
      const current = get().selection;
      if (sameItems(current.nodes, nodes) && sameItems(current.edges, edges)) return;
      set({ selection: { nodes, edges }, ...(nodes.length === 1 ? { sideTab: 'node' as const } : {}) });
    },
    setView: (view) => set({ view }),
    setSideTab: (sideTab) => set({ sideTab }),
    setResultsTab: (resultsTab) => set({ resultsTab }),
    setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
    toggleMinimap: () => set({ minimap: !get().minimap }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    toast(tone, text) {
      const id = nextToast++;
      set({ toasts: [...get().toasts, { id, tone, text }].slice(-4) });
      setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    requestView: (kind, nodeId) => set({ viewRequest: { kind, ...(nodeId ? { nodeId } : {}), seq: ++seq } }),
    consumeViewRequest: () => set({ viewRequest: null }),
  }));
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
