// Entry of the server bundle (server layer, `react-server` condition): renders the server component
// tree as a Flight stream and handles server-function requests.
import { renderToPipeableStream } from 'react-server-dom-webpack/server';
import { handleServerActionRequest } from 'webpack-server-actions/runtime';
import App from './App';

export function renderFlight(clientManifest, onError) {
  return renderToPipeableStream(<App />, clientManifest, { onError });
}

export function handleAction(request, response, clientManifest) {
  return handleServerActionRequest(request, response, {
    clientManifest,
    onError: (error) => console.error('server function failed:', error),
  });
}
