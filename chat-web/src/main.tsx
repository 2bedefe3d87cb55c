import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import './styles.css';
import { App } from './App';
import { readPageParams } from './config/pageParams';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const params = readPageParams();
createRoot(root).render(
  <StrictMode>
    <App params={params} />
  </StrictMode>,
);
