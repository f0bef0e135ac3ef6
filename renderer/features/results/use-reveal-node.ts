import { useServices } from '../../app/app-context';

/** "Show in the editor": switches to the editor, selects the node and centres it. */
export function useRevealNode(): (id: string) => void {
  const { ui } = useServices();
  return (id) => {
    ui.getState().setView('editor');
    ui.getState().select([id]);
    ui.getState().requestView('focus', id);
  };
}
