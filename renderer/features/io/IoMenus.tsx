import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useClickOutside } from '../../app/use-click-outside';
import { useActions, useDocument, useRun } from '../../app/app-context';
import { Icon, type IconName } from '../../app/icons';
import { DATA_EXPORTS, sourceLabel } from './data-exports';
import './io.css';

/** A toolbar button with a drop-down menu; closes on a choice, Escape or a click elsewhere. */
function DropMenu(props: { label: string; icon: IconName; title: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useClickOutside(box, open, useCallback(() => setOpen(false), []));
  return (
    <div className="menu-anchor" ref={box} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      {/* The label hides on narrower windows (io.css), so the name comes from aria-label. */}
      <button className="btn io-menu-btn" aria-label={props.label} aria-haspopup="menu" aria-expanded={open} title={props.title} onClick={() => setOpen(!open)}>
        <Icon name={props.icon} size={14} />
        <span className="io-menu-label">{props.label}</span>
        <Icon name="chevron" size={12} />
      </button>
      {open && (
        <div role="menu" aria-label={props.label} className="menu io-menu">
          {props.children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

function Item(props: { label: string; detail: string; onClick(): void; disabled?: boolean; title?: string }) {
  return (
    <button role="menuitem" className="menu-item io-menu-item" disabled={props.disabled} title={props.title} onClick={props.onClick}>
      <span>{props.label}</span>
      <span className="faint">{props.detail}</span>
    </button>
  );
}

export function ExportMenu() {
  const actions = useActions();
  // Subscribed so the menu's source line follows new runs and edits.
  useRun((s) => s.results);
  useDocument((s) => s.revision);
  const source = actions.dataSource();
  return (
    <DropMenu label="Export" icon="export" title="Export: launch report (HTML or PDF), CSV and JSON of the results, OTLP traces">
      {(close) => (
        <>
          <Item label="Launch report…" detail="HTML or PDF for reviewers" onClick={() => {
            close();
            actions.openReportDialog();
          }} />
          <div className="io-menu-heading" role="presentation">{source ? sourceLabel(source) : 'Data exports need results: run the pipeline first'}</div>
          {DATA_EXPORTS.map((d) => (
            <Item key={d.kind} label={d.label} detail={d.detail} disabled={!source} title={source ? undefined : 'Run the pipeline first'} onClick={() => {
            close();
            void actions.exportData(d.kind);
          }} />
          ))}
        </>
      )}
    </DropMenu>
  );
}

export function ImportMenu() {
  const actions = useActions();
  return (
    <DropMenu label="Import" icon="import" title="Import: LiteLLM price map, LiteLLM proxy config, calibration from traces">
      {(close) => (
        <>
          <Item label="LiteLLM price map…" detail="model_prices_and_context_window.json → this pipeline's models" onClick={() => {
            close();
            void actions.importPriceMap();
          }} />
          <Item label="LiteLLM proxy config…" detail="config.yaml → a new pipeline" onClick={() => {
            close();
            void actions.importProxyConfig();
          }} />
          <Item label="Calibrate from traces…" detail="OTLP/JSON traces or LiteLLM spend logs → an LLM node" onClick={() => {
            close();
            void actions.calibrateFromTraces();
          }} />
        </>
      )}
    </DropMenu>
  );
}
