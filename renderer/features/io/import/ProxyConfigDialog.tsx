import { useMemo } from 'react';
import type { LiteLlmProxyImport } from '../../../../simulation/index';
import { useActions } from '../../../app/app-context';
import { Icon } from '../../../app/icons';
import { Modal } from '../../../app/Modal';
import { importedPipelineFileName, proxyPreview } from './proxy-config-view';

/** A YAML path that wraps at its dots and brackets rather than in the middle of a key. */
function breakablePath(path: string) {
  return path.split(/(?=[.[])/).map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}

/** Import LiteLLM proxy config…: what the pipeline will be, and every note (warnings first) before it opens. */
export function ProxyConfigDialog({ fileName, result, close }: { fileName: string; result: LiteLlmProxyImport; close(): void }) {
  const actions = useActions();
  const preview = useMemo(() => proxyPreview(result), [result]);
  return (
    <Modal
      title={`Import ${fileName} as a pipeline`}
      wide
      onClose={close}
      actions={<>
        <button className="btn" onClick={close}>Cancel</button>
        <button className="btn primary" data-autofocus onClick={() => actions.openImportedPipeline(fileName, result.doc)}>Open as a new pipeline</button>
      </>}
    >
      <div className="io-wide" />
      <p>{preview.description}</p>
      <p className="muted" data-testid="proxy-summary">
        {preview.counts.nodes} nodes and {preview.counts.quotas} quota{preview.counts.quotas === 1 ? '' : 's'} (from the deployments&apos; rpm/tpm limits){preview.counts.models ? `, ${preview.counts.models} prices taken from the config` : ''}. It opens as <span className="mono">{importedPipelineFileName(fileName)}</span>, not saved yet; your current pipeline stays as it is on disk.
      </p>
      {preview.secretCount > 0 && <p className="io-banner info">{preview.secretCount} secret{preview.secretCount === 1 ? '' : 's'} and environment references were left out: no key, password or URL with credentials is copied into the pipeline.</p>}
      <h3 className="io-h3">
        Import notes: {preview.warningCount} warning{preview.warningCount === 1 ? '' : 's'}, {preview.notes.length - preview.warningCount} other
      </h3>
      <div className="io-scroll tall">
        <table className="io-table io-notes" aria-label="Import notes">
          <thead><tr><th /><th>Where in {fileName}</th><th>What happened</th></tr></thead>
          <tbody>
            {preview.notes.map((n, i) => (
              <tr key={i} className={n.severity}>
                <td>{n.severity === 'warning' ? <Icon name="warn" size={14} title="Warning" /> : <Icon name="info" size={14} title="Note" />}</td>
                <td className="mono io-path">{breakablePath(n.path)}</td>
                <td>{n.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}
