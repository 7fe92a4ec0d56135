/**
 * What the dev server answers before any build has worked: the errors, and a script that reloads the
 * page once a build succeeds (the app's own bundle, which would do it otherwise, does not exist yet).
 */
import { DEV_EVENTS_PATH } from '../runtime/dev-client/events';

export function failedFirstBuildPage(errors: string[]): string {
  const escaped = errors.join('\n\n').replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head>
<body style="margin:0;padding:16px;background:#2b0a0a;color:#ffd9d9;font:13px/1.45 ui-monospace,monospace">
<strong role="alert">Build failed: fix the errors and this page reloads.</strong>
<pre style="white-space:pre-wrap">${escaped}</pre>
<script>new EventSource(${JSON.stringify(DEV_EVENTS_PATH)}).onmessage = function (event) {
  if (event.data.indexOf('"wsa-ok"') !== -1) location.reload();
};</script>
</body></html>
`;
}
