import '@xyflow/react/dist/style.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/inspector.css';
import './styles/results.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppContext, type AppServices } from './app/app-context';
import { createAppActions } from './app/app-actions';
import { startApp } from './app/startup';
import { wireAppBehaviour } from './app/wiring';
import { analysisStoreFor } from './features/analysis/analysis-registry';
import { detectPlatform } from './platform/index';
import { createDocumentStore } from './stores/document/document-store';
import { createRunStore } from './stores/run-store';
import { createUiStore } from './stores/ui-store';
import { createValidationStore } from './stores/validation-store';
import { createWorkerClient } from './workers/simulation-client';

const platform = detectPlatform();
const documents = createDocumentStore();
const base = { platform, documents, validation: createValidationStore(documents), runs: createRunStore(createWorkerClient()), ui: createUiStore() };
const services: AppServices = { ...base, actions: createAppActions(base) };

wireAppBehaviour(services);
// The analysis store reads the saved scenarios as it is made: now, so they are there when Analysis opens.
analysisStoreFor(services);
void startApp(services);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={services}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
