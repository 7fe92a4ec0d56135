/**
 * The banner that shows a failed build's errors over the page, until a build succeeds. It lives outside
 * React's tree (appended to <body> after hydration), so that it shows whatever state the app is in.
 */
const BANNER_ID = 'webpack-server-actions-dev-errors';

export function showErrors(title: string, errors: string[]): void {
  let banner = document.getElementById(BANNER_ID);
  if (!banner) {
    banner = document.createElement('div');
    banner.id = BANNER_ID;
    banner.setAttribute('role', 'alert');
    banner.style.cssText =
      'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:50vh;overflow:auto;margin:0;' +
      'padding:12px 16px;background:#2b0a0a;color:#ffd9d9;border-top:3px solid #e5484d;' +
      'font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;';
    document.body.appendChild(banner);
  }
  const heading = document.createElement('strong');
  heading.textContent = title;
  const text = document.createElement('pre');
  text.style.cssText = 'margin:8px 0 0;white-space:pre-wrap;';
  text.textContent = errors.join('\n\n');
  banner.replaceChildren(heading, text);
}

export function hideErrors(): void {
  document.getElementById(BANNER_ID)?.remove();
}
