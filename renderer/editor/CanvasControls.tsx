import { ControlButton, Controls } from '@xyflow/react';
import { useServices, useUi } from '../app/app-context';
import { Icon } from '../app/icons';

/**
 * Zoom, fit, auto-layout and the minimap toggle, on the canvas they act on (they used to sit in the
 * toolbar, disabled outside the editor, taking the room New/Open/Save need for their words).
 */
export function CanvasControls() {
  const { ui } = useServices();
  const minimap = useUi((s) => s.minimap);
  return (
    <Controls showInteractive={false} showFitView={false} position="bottom-left" aria-label="Canvas controls">
      <ControlButton className="canvas-control" aria-label="Zoom to fit" title="Zoom to fit (Ctrl+0)" onClick={() => ui.getState().requestView('fit')}>
        <Icon name="fit" size={14} />
      </ControlButton>
      <ControlButton className="canvas-control" aria-label="Auto-layout" title="Auto-layout (Ctrl+L)" onClick={() => ui.getState().requestView('layout')}>
        <Icon name="layout" size={14} />
      </ControlButton>
      <ControlButton className="canvas-control" aria-label="Toggle minimap" aria-pressed={minimap} title={minimap ? 'Hide the minimap' : 'Show the minimap'} onClick={ui.getState().toggleMinimap}>
        <Icon name="map" size={14} />
      </ControlButton>
    </Controls>
  );
}
