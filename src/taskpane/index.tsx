/** Task pane entry: mounts the app with the workbench that talks to Excel through src/host. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createOfficeWorkbench } from './workbench/officeWorkbench';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App workbench={createOfficeWorkbench()} />);
