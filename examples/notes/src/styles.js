// The app's stylesheet, rendered by App in a <style> element: no CSS pipeline to set up, and the page
// is styled before JavaScript loads (and without it). No quotes, angle brackets or ampersands, so that
// the text needs no escaping in HTML.
export const styles = `
:root {
  --accent: #2f5bd3;
  --accent-dark: #2449b0;
  --danger: #b42318;
  --success: #067647;
  --muted: #5b6472;
  --line: #d9dde3;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  background: #f3f4f7;
  color: #1d2330;
  font: 16px/1.5 system-ui, -apple-system, Segoe UI, Roboto, sans-serif;
}
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem; }
h1 { margin: 0; font-size: 2rem; }
h2 { margin: 0 0 0.75rem; font-size: 1.15rem; }
.greeting { margin: 0; color: var(--muted); }
#name { color: #1d2330; font-weight: 600; }
section {
  margin-top: 1.25rem;
  padding: 1.25rem;
  background: #fff;
  border: 1px solid var(--line);
  border-radius: 10px;
}
form, .field { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.variant + .variant { margin-top: 1.25rem; }
label { width: 100%; font-size: 0.9rem; font-weight: 600; }
input[type=text] {
  flex: 1 1 12rem;
  padding: 0.5rem 0.65rem;
  font: inherit;
  border: 1px solid #b8bfca;
  border-radius: 6px;
}
button {
  padding: 0.5rem 0.9rem;
  font: inherit;
  font-weight: 600;
  color: #fff;
  background: var(--accent);
  border: 1px solid var(--accent);
  border-radius: 6px;
  cursor: pointer;
}
button:hover { background: var(--accent-dark); }
button.secondary, .delete-note button { color: var(--accent); background: #fff; }
.delete-note button { color: var(--danger); border-color: #e5a29b; }
button.secondary:hover, .delete-note button:hover { background: #f1f4fd; }
button:disabled, input:disabled { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 3px solid #9db5f5; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
#notes { display: grid; gap: 0.75rem; margin: 0 0 1rem; padding: 0; list-style: none; }
#notes:empty { display: none; }
#notes li {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem;
  padding: 0.75rem;
  background: #fbfcfd;
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: 0 1px 2px rgba(16, 24, 40, 0.06);
}
#notes li.selected { border-color: var(--accent); box-shadow: 0 0 0 2px #c9d6fb; }
.note-title { flex: 1 1 100%; font-weight: 600; }
.note-author { flex: 1 1 100%; margin-top: -0.5rem; color: var(--muted); font-size: 0.85rem; }
.signed-in { flex: 1 1 auto; margin: 0; }
.rename-note { flex: 1 1 auto; }
.empty { margin: 0 0 1rem; color: var(--muted); }
.hint { width: 100%; margin: 0.25rem 0 0; color: var(--muted); font-size: 0.85rem; }
code { font-size: 0.85em; }
.pending { color: var(--muted); font-style: italic; }
.error { color: var(--danger); }
#create-note-error { width: 100%; margin: 0; color: var(--danger); }
.result { color: var(--success); }
#form-error, #error-boundary {
  margin: 1.25rem 0 0;
  padding: 0.75rem 1rem;
  color: #7a271a;
  background: #fef3f2;
  border: 1px solid #f2b8b5;
  border-left: 4px solid var(--danger);
  border-radius: 8px;
}
#error-boundary p { margin: 0 0 0.5rem; }
`;
