import { Modal } from '../../app/Modal';
import { CalibrationDialog } from './calibration/CalibrationDialog';
import { PriceMapDialog } from './import/PriceMapDialog';
import { ProxyConfigDialog } from './import/ProxyConfigDialog';
import type { IoDialog } from './io-dialog';
import { ReportDialog } from './report/ReportDialog';
import './io.css';

/** The report, import and calibration dialogs (loaded on first use, with the importers). */
export function IoDialogs({ dialog, close }: { dialog: IoDialog; close(): void }) {
  switch (dialog.kind) {
    case 'report':
      return <ReportDialog close={close} />;
    case 'price-map':
      return <PriceMapDialog fileName={dialog.fileName} result={dialog.result} close={close} />;
    case 'proxy-config':
      return <ProxyConfigDialog fileName={dialog.fileName} result={dialog.result} close={close} />;
    case 'calibration':
      return <CalibrationDialog fileName={dialog.fileName} report={dialog.report} observations={dialog.observations} simulated={dialog.simulated} close={close} />;
    case 'import-error':
      return (
        <Modal title={`Cannot import ${dialog.fileName}`} tone="error" wide onClose={close} actions={<button className="btn primary" onClick={close} data-autofocus>Close</button>}>
          <p data-testid="import-error">
            <b>{dialog.fileName}</b>: {dialog.message}
          </p>
          {dialog.excerpt && <pre className="excerpt">{dialog.excerpt}</pre>}
          <p className="muted">Expected {dialog.what}. Nothing was imported; your pipeline is as it was.</p>
        </Modal>
      );
  }
}
