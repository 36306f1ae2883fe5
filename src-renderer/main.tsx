import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ClientProvider } from './app/client-context';
import { createClient } from './lib/client';
import { detectTransport } from './lib/transport';
import './styles.css';
import './workspace.css';

const root = createRoot(document.getElementById('root')!);
try {
  // The transport is chosen once, here (docs/STYLE.md 5).
  const client = createClient(detectTransport());
  root.render(
    <StrictMode>
      <ClientProvider value={client}>
        <App />
      </ClientProvider>
    </StrictMode>,
  );
} catch (err) {
  root.render(
    <div className="fatal" role="alert">
      <h1>Signwright cannot start</h1>
      <p>{(err as Error).message}</p>
    </div>,
  );
}
