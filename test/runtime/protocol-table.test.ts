/**
 * The table of refusals (runtime/refusals.ts) against what it must agree with: the wire contract that
 * browsers and apps read (written out here, so that changing a status or a code takes a change of this
 * test too), the errors the server makes from it, and the two tables of docs/protocol.md ("The protocol"):
 *
 * - the table of requests (`| request | status | code |`): each row's status and `Allow` header are
 *   those of its code, its codes come in the table's order, and every code has a row;
 * - the table of codes between `<!-- refusal-codes:start -->` and `<!-- refusal-codes:end -->`, which is
 *   made from the table: `UPDATE_README=1 npx mocha test/runtime/protocol-table.test.ts` rewrites it (the
 *   variable kept its name from when the tables were in README.md).
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFUSALS, type Refusal, type RefusalCode } from '../../runtime/refusals';
import { ServerActionRequestError } from '../../runtime/server/errors';

const PROTOCOL_PAGE = join(__dirname, '..', '..', 'docs', 'protocol.md');
const START = '<!-- refusal-codes:start -->';
const END = '<!-- refusal-codes:end -->';

const codes = Object.keys(REFUSALS) as RefusalCode[];
const refusal = (code: RefusalCode): Refusal => REFUSALS[code];

/** `allow` → `Allow: POST`, as the page writes a header. */
function headerText(name: string, value: string): string {
  return `${name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())}: ${value}`;
}

/** A status as the page writes it: `405 (`Allow: POST`)`. */
function statusText(code: RefusalCode): string {
  const headers = Object.entries(refusal(code).headers ?? {}).map(([name, value]) => `\`${headerText(name, value)}\``);
  return headers.length === 0 ? String(refusal(code).status) : `${refusal(code).status} (${headers.join(', ')})`;
}

function codeTable(indent: string): string[] {
  const rows = codes.map((code) => `| \`${code}\` | ${statusText(code)} | ${refusal(code).meaning} | \`${refusal(code).errorCode}\` |`);
  return ['| code | status | meaning | `ServerActionRequestError` `code` |', '|---|---|---|---|', ...rows].map((row) => indent + row);
}

/** The lines of the page's "The protocol", from its title to the next heading of its level or above. */
function protocolSection(page: string): string[] {
  const lines = page.split('\n');
  const start = lines.indexOf('# The protocol');
  expect(start, 'docs/protocol.md is titled "# The protocol"').to.be.greaterThan(-1);
  const end = lines.findIndex((line, index) => index > start && /^# /.test(line));
  return lines.slice(start, end === -1 ? undefined : end);
}

/** The rows of the first Markdown table in `lines` whose header is `header`, as trimmed cells. */
function tableRows(lines: string[], header: string[]): string[][] {
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const headerAt = lines.findIndex((line) => line.trim().startsWith('|') && cells(line).join('|') === header.join('|'));
  expect(headerAt, `a table headed ${header.join(' | ')}`).to.be.greaterThan(-1);
  const rows: string[][] = [];
  for (let index = headerAt + 2; index < lines.length && lines[index].trim().startsWith('|'); index += 1) rows.push(cells(lines[index]));
  return rows;
}

describe('the protocol table (runtime/refusals.ts)', () => {
  it('keeps the wire contract: each x-server-action-error code with its status, and Allow: POST on 405', () => {
    const wire = Object.fromEntries(codes.map((code) => [code, statusText(code)]));
    expect(wire).to.deep.equal({
      'method-not-allowed': '405 (`Allow: POST`)',
      forbidden: '403',
      'bad-request': '400',
      'not-found': '404',
      'unsupported-media-type': '415',
      'too-large': '413',
      timeout: '408',
    });
  });

  it('gives each refusal an error code of its own, ERR_SERVER_ACTION_ and the code, and a one-sentence meaning', () => {
    for (const code of codes) {
      expect(refusal(code).errorCode, code).to.equal(`ERR_SERVER_ACTION_${code.toUpperCase().replace(/-/g, '_')}`);
      expect(refusal(code).meaning, code).to.match(/^[A-Z`][^\n|]*\.$/);
    }
  });

  it('makes ServerActionRequestError from the code alone: reason, status and code from the table', () => {
    for (const code of codes) {
      const error = new ServerActionRequestError(code, 'Refused.');
      expect(error).to.be.an.instanceOf(Error);
      expect(error).to.include({ name: 'ServerActionRequestError', message: 'Refused.', reason: code });
      expect(error).to.include({ status: refusal(code).status, code: refusal(code).errorCode });
    }
  });

  it('refuses the old (message, status, reason) signature with a TypeError that names the new one', () => {
    const old = ServerActionRequestError as unknown as new (...args: unknown[]) => Error;
    expect(() => new old('The request body is larger than the limit.', 413, 'too-large')).to.throw(TypeError, /\(reason, message\)/);
  });

  describe('docs/protocol.md, "The protocol"', () => {
    const page = readFileSync(PROTOCOL_PAGE, 'utf8');
    const section = protocolSection(page);

    it("has a row for every code in the table of requests, each row with its code's status, in the table's order", () => {
      const rows = tableRows(section, ['request', 'status', 'code']);
      expect(rows.length, 'rows').to.be.greaterThan(0);
      const seen: RefusalCode[] = [];
      for (const row of rows) {
        const [status, codeCell] = row.slice(-2);
        const code = codeCell.replace(/^`|`$/g, '') as RefusalCode;
        expect(codes, `the code of the row "${row[0].slice(0, 60)}"`).to.include(code);
        expect(status, `the status of the row "${row[0].slice(0, 60)}"`).to.equal(statusText(code));
        if (!seen.includes(code)) seen.push(code);
      }
      expect(seen, 'the codes, in the order of their first row').to.deep.equal(codes);
    });

    it('has the table of codes made from runtime/refusals.ts', () => {
      const lines = page.split('\n');
      const start = lines.findIndex((line) => line.trim() === START);
      const end = lines.findIndex((line) => line.trim() === END);
      expect(start, `the marker ${START} in docs/protocol.md`).to.be.greaterThan(-1);
      expect(end, `the marker ${END} after it`).to.be.greaterThan(start);
      expect(section, 'the table of codes is in "The protocol"').to.include(lines[start]);
      const expected = codeTable(/^\s*/.exec(lines[start])![0]);
      if (process.env.UPDATE_README === '1') {
        writeFileSync(PROTOCOL_PAGE, [...lines.slice(0, start + 1), ...expected, ...lines.slice(end)].join('\n'));
        return;
      }
      expect(lines.slice(start + 1, end).join('\n'), 'rewrite it with UPDATE_README=1').to.equal(expected.join('\n'));
    });
  });
});
