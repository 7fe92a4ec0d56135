/**
 * The text of each kind of module in the synthetic app (scripts/bench/synthetic-app.ts): ordinary JSX
 * of the size and shape real components have, so that parsing and bundling cost what they cost in an app.
 */
import type { ModulePlan } from './synthetic-app';

export interface RenderContext {
  byFile: Map<string, ModulePlan>;
  /** Export names of each "use server" file. */
  actionExports: Map<string, string[]>;
  relative(from: string, to: string): string;
}

type Kind = 'server' | 'client' | 'utility' | 'actions';

function kindOf(file: string): Kind {
  if (/\/s\d+\.jsx$/.test(file)) return 'server';
  if (/\/c\d+\.jsx$/.test(file)) return 'client';
  if (/\/u\d+\.js$/.test(file)) return 'utility';
  return 'actions';
}

function importsOf(plan: ModulePlan, kind: Kind, context: RenderContext): ModulePlan[] {
  return plan.imports.filter((file) => kindOf(file) === kind).map((file) => context.byFile.get(file)!);
}

function importLine(plan: ModulePlan, target: ModulePlan, context: RenderContext): string {
  const from = context.relative(plan.file, target.file);
  switch (kindOf(target.file)) {
    case 'server':
      return `import ${target.name} from '${from}';`;
    case 'client':
      return `import { ${target.name} } from '${from}';`;
    case 'utility':
      return `import { ${target.name}Format, ${target.name}Load } from '${from}';`;
    case 'actions':
      return `import { ${context.actionExports.get(target.file)!.join(', ')} } from '${from}';`;
  }
}

export function renderServerComponent(plan: ModulePlan, context: RenderContext): string {
  const [utility] = importsOf(plan, 'utility', context);
  const children = importsOf(plan, 'server', context);
  const clients = importsOf(plan, 'client', context);
  const actions = importsOf(plan, 'actions', context).flatMap((file) => context.actionExports.get(file.file)!);
  const formAction = actions[actions.length - 1];
  const clientElements = clients.map(
    (client, i) => `      <${client.name} label={title} action={${actions[i % Math.max(1, actions.length)] ?? 'undefined'}} items={rows} />`,
  );
  return `${plan.imports.map((file) => importLine(plan, context.byFile.get(file)!, context)).join('\n')}

const PAGE_SIZE = ${10 + (plan.name.length % 7)};

function summarise(rows) {
  const done = rows.filter((row) => row.done).length;
  return { total: rows.length, done, open: rows.length - done };
}

export default async function ${plan.name}({ id = 1, page = 0 }) {
  const rows = (await ${utility.name}Load(id)).slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const summary = summarise(rows);
  const title = ${utility.name}Format('${plan.name}', summary.total);
  return (
    <section className="${plan.name.toLowerCase()}" data-open={summary.open}>
      <h2>{title}</h2>
      <p>
        {summary.done} of {summary.total} done
      </p>
      <ul>
        {rows.map((row) => (
          <li key={row.id} className={row.done ? 'done' : 'open'}>
            {row.name}
          </li>
        ))}
      </ul>
${clientElements.join('\n')}
${formAction ? `      <form action={${formAction}}>\n        <input name="id" defaultValue={id} />\n        <button type="submit">Save</button>\n      </form>\n` : ''}${children.map((child) => `      <${child.name} id={id + 1} />`).join('\n')}
    </section>
  );
}
`;
}

export function renderClientComponent(plan: ModulePlan, context: RenderContext): string {
  const children = importsOf(plan, 'client', context);
  const [utility] = importsOf(plan, 'utility', context);
  const format = utility ? `${utility.name}Format` : 'String';
  return `'use client';
import { useState, useTransition } from 'react';
${plan.imports.map((file) => importLine(plan, context.byFile.get(file)!, context)).join('\n')}

export function ${plan.name}({ label = '${plan.name}', action, items = [] }) {
  const [count, setCount] = useState(0);
  const [message, setMessage] = useState(null);
  const [pending, startTransition] = useTransition();

  function handleClick() {
    setCount((previous) => previous + 1);
    if (!action) return;
    startTransition(async () => {
      const result = await action({ count: count + 1, label });
      setMessage(result && result.ok ? 'Saved' : 'Not saved');
    });
  }

  return (
    <div className="${plan.name.toLowerCase()}">
      <button type="button" disabled={pending} onClick={handleClick}>
        {label} ({${format}(count)})
      </button>
      {message && <p role="status">{message}</p>}
      <ul>
        {items.slice(0, 5).map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
${children.map((child) => `      <${child.name} label="${child.name}" items={items} />`).join('\n')}
    </div>
  );
}
`;
}

export function renderUtility(plan: ModulePlan, context: RenderContext): string {
  const others = importsOf(plan, 'utility', context);
  const inner = others[0] ? `${others[0].name}Format(label, count)` : 'label';
  return `${plan.imports.map((file) => importLine(plan, context.byFile.get(file)!, context)).join('\n')}

const NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];

export function ${plan.name}Format(label, count) {
  const text = ${inner};
  if (count === 0) return \`\${text}: nothing yet\`;
  if (count === 1) return \`\${text}: one item\`;
  return \`\${text}: \${count.toLocaleString('en')} items\`;
}

export async function ${plan.name}Load(id) {
  await Promise.resolve();
  return Array.from({ length: 3 + (id % 20) }, (_, index) => ({
    id: \`${plan.name}-\${id}-\${index}\`,
    name: NAMES[(id + index) % NAMES.length],
    done: (id + index) % 3 === 0,
  }));
}
`;
}

export function renderActions(plan: ModulePlan, context: RenderContext): string {
  const [utility] = importsOf(plan, 'utility', context);
  const load = utility ? `${utility.name}Load` : 'loadRows';
  const helper = utility ? '' : `\nasync function loadRows(id) {\n  return [{ id, name: 'row' }];\n}\n`;
  const functions = context.actionExports.get(plan.file)!.map(
    (name, i) => `export async function ${name}(input) {
  const fields = input instanceof FormData ? Object.fromEntries(input) : { ...input };
  const id = Number(fields.id ?? fields.count ?? 0);
  if (!Number.isInteger(id) || id < 0) return { ok: false, error: 'Give a whole number' };
  const rows = await ${load}(id + ${i});
  ${i === 0 ? 'const revision = 0;\n  ' : ''}return { ok: true, id, rows: rows.length${i === 0 ? ', revision' : ''} };
}`,
  );
  return `'use server';
${plan.imports.map((file) => importLine(plan, context.byFile.get(file)!, context)).join('\n')}
${helper}
${functions.join('\n\n')}
`;
}
