import { Modal } from './Modal';

/** A short guide for a first-time user: from an empty canvas to P99 and cost per query. */
export function HelpDialog({ close }: { close(): void }) {
  return (
    <Modal title="Quick guide" onClose={close} wide actions={<button className="btn primary" onClick={close} data-autofocus>Got it</button>}>
      <ol className="guide">
        <li>
          <b>Add nodes.</b> Click <i>Traffic source</i> in the palette. With a node selected, clicking the next kind (Embedding, Vector retrieval, Reranker, LLM, Response) adds it to the right and connects it. Or drag kinds onto the canvas and connect an output dot to the next node's input.
        </li>
        <li>
          <b>Set parameters.</b> Select a node: the Inspector shows every parameter with its unit, range and default. Pick models from the price catalog. Invalid values are refused with the reason.
        </li>
        <li>
          <b>Traffic and quotas.</b> The Traffic tab sets the arrival rate, daily profile and query classes; the Quotas tab the provider limits (RPM, TPM, parallel calls) that call nodes share.
        </li>
        <li>
          <b>Fix problems.</b> The Problems panel lists what blocks a run; click one to go to it.
        </li>
        <li>
          <b>Run.</b> Choose a seed and a duration (or a number of requests) and press Run (<kbd>Ctrl</kbd>+<kbd>Enter</kbd>). The results show P50/P95/P99, TTFT, error rate, cost per query and per month; the <b>?</b> on each card explains where the number comes from.
        </li>
      </ol>
      <p className="muted">Preflight 0.1.0 · the same file and seed give the same figures as <span className="mono">preflight run file --seed N --json</span>.</p>
    </Modal>
  );
}
