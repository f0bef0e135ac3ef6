import type { CalibrationReport, LiteLlmPriceImport, LiteLlmProxyImport, ObservationSet } from '../../../simulation/index';

/** The dialogs of report export, imports and calibration (shown through the UI store's dialog slot). */
export type IoDialog =
  | { kind: 'report' }
  | { kind: 'price-map'; fileName: string; result: LiteLlmPriceImport }
  | { kind: 'proxy-config'; fileName: string; result: LiteLlmProxyImport }
  /** `simulated`: the traces were exported from a Preflight run (resource attribute preflight.simulated). */
  | { kind: 'calibration'; fileName: string; report: CalibrationReport; observations: ObservationSet; simulated: boolean }
  /** A file that could not be imported: which file, what is wrong, and where when known. */
  | { kind: 'import-error'; what: string; fileName: string; message: string; excerpt?: string };
