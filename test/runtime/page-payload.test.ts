/**
 * The page payload as pure code, without webpack: how each Flight chunk becomes an entry and the
 * entry a script (page-payload-chunks.ts), and how the injector puts those scripts into React's HTML
 * stream (ssr/inject-payload.ts), driven with fake chunks and a `write` that collects what it is
 * given. Ticks are stepped with timers; nothing here depends on how long anything takes.
 * The same payload through real builds and HTTP is in ssr-helper.test.ts.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import * as vm from 'node:vm';
import { entryScript, payloadBytes, payloadEntry, type PayloadEntry } from '../../runtime/page-payload-chunks';
import { PAGE_PAYLOAD_GLOBAL } from '../../runtime/protocol';
import { createPayloadInjector, type PayloadInjector } from '../../runtime/ssr/inject-payload';
import { isPayloadScript, payloadBytesIn, payloadEntriesIn, scriptElements } from '../helpers/page-payload';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (entry: PayloadEntry) => Buffer.from(payloadBytes(entry as Exclude<PayloadEntry, null>));
const HOSTILE = '</script><script>alert(1)</script><!-- \u2028 \u2029 </SCRIPT >';

/** The next macrotask: the injector's own timer (set earlier, as short) has fired by then. */
const nextMacrotask = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Every microtask queued so far has run, but no macrotask. */
const microtasks = async () => {
  for (let round = 0; round < 10; round++) await Promise.resolve();
};

describe('page payload entries', () => {
  it('keeps a chunk of UTF-8 text as a string, and gives back its very bytes', () => {
    const chunk = utf8('0:{"root":"héllo 🙂 — 日本"}\n');
    const entry = payloadEntry(chunk);
    expect(entry).to.equal('0:{"root":"héllo 🙂 — 日本"}\n');
    expect(bytesOf(entry).equals(chunk)).to.equal(true);
  });

  it('gives back the exact bytes of a stream cut inside multi-byte characters, wherever the cut falls', () => {
    const stream = utf8('a é 🙂 日本 z');
    for (let cut = 1; cut < stream.length; cut++) {
      const entries = [payloadEntry(stream.subarray(0, cut)), payloadEntry(stream.subarray(cut))];
      expect(Buffer.concat(entries.map(bytesOf)).equals(Buffer.from(stream)), `cut at byte ${cut}`).to.equal(true);
    }
    // Cut inside 🙂 (4 bytes from byte 5): neither half is text, both travel as base64.
    const [head, tail] = [payloadEntry(stream.subarray(0, 6)), payloadEntry(stream.subarray(6))];
    expect(head).to.be.an('array');
    expect(tail).to.be.an('array');
  });

  it('keeps a byte order mark at the start of a chunk (a decoder drops it unless told not to)', () => {
    // U+FEFF inside the payload's text, at the start of a chunk: as likely as any other character.
    const chunk = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x0a]);
    expect(bytesOf(payloadEntry(chunk)).equals(Buffer.from(chunk))).to.equal(true);
  });

  it('gives back all 256 byte values of a binary chunk, as base64', () => {
    const chunk = Uint8Array.from({ length: 256 }, (_, index) => index);
    const entry = payloadEntry(chunk);
    expect(entry).to.be.an('array').with.lengthOf(1);
    expect(bytesOf(entry).equals(Buffer.from(chunk))).to.equal(true);
  });

  it('gives back large chunks, text and binary (over 100 kB)', () => {
    const text = utf8('é🙂x'.repeat(20_000));
    expect(text.length).to.be.greaterThan(100_000);
    expect(payloadEntry(text)).to.be.a('string');
    expect(bytesOf(payloadEntry(text)).equals(Buffer.from(text))).to.equal(true);
    const binary = Uint8Array.from(randomBytes(300_000));
    binary[0] = 0xff; // never UTF-8
    expect(payloadEntry(binary)).to.be.an('array');
    expect(bytesOf(payloadEntry(binary)).equals(Buffer.from(binary))).to.equal(true);
  });

  it('writes an entry as JavaScript without a "<" or a raw U+2028/U+2029, and the script gives the entry back', () => {
    for (const entry of [HOSTILE, [Buffer.from(HOSTILE).toString('base64')] as [string], null, '', '<<<\u2028\u2029']) {
      const script = entryScript(entry);
      expect(script).not.to.include('<');
      expect(script).not.to.match(/[\u2028\u2029]/);
      expect(vm.runInNewContext(`(${script})`), script).to.deep.equal(entry);
    }
  });
});

interface Collected {
  injector: PayloadInjector;
  /** Each write, as text, in order. */
  writes: string[];
  /** Everything written, as one string. */
  output(): string;
}

function collect(nonce?: string): Collected {
  const writes: string[] = [];
  const write = (chunk: Uint8Array | string) => writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  return { injector: createPayloadInjector(write, nonce), writes, output: () => writes.join('') };
}

const isScript = (write: string) => write.startsWith('<script');
const html = (collected: Collected, text: string) => collected.injector.html(utf8(text));
const flight = (collected: Collected, text: string) => collected.injector.flight(utf8(text));

describe('payload injector', () => {
  it('writes nothing before the HTML starts, however long the Flight stream has been going', async () => {
    const page = collect();
    flight(page, '0:"a"\n');
    await nextMacrotask();
    flight(page, '1:"b"\n');
    page.injector.flightEnd();
    await nextMacrotask();
    expect(page.writes).to.deep.equal([]);

    html(page, '<!DOCTYPE html><html><body>');
    expect(page.writes).to.deep.equal(['<!DOCTYPE html><html><body>']);
    await nextMacrotask();
    expect(page.writes).to.have.lengthOf(2);
    expect(payloadEntriesIn(page.output())).to.deep.equal(['0:"a"\n', '1:"b"\n', null]);
  });

  it('writes scripts only once the HTML\'s tick has ended: the chunks of one flush are never separated', async () => {
    const page = collect();
    flight(page, '0:"a"\n');
    // One flush of React's, cut into chunks anywhere, even inside a tag.
    html(page, '<!DOCTYPE html><html><body><div cl');
    flight(page, '1:"b"\n');
    html(page, 'ass="x">shell</div>');
    html(page, '<p>more of the same flush</p>');
    await microtasks();
    expect(page.writes.some(isScript), 'a script inside the flush').to.equal(false);

    await nextMacrotask();
    expect(page.writes.map(isScript)).to.deep.equal([false, false, false, true]);
    expect(payloadEntriesIn(page.output())).to.deep.equal(['0:"a"\n', '1:"b"\n']);

    // The next flush (a Suspense boundary) restarts the wait, and a Flight chunk alone waits for a tick.
    flight(page, '2:"c"\n');
    expect(page.writes).to.have.lengthOf(4);
    html(page, '<div hidden id="S:0">la');
    html(page, 'ter</div>');
    await microtasks();
    expect(page.writes).to.have.lengthOf(6);
    await nextMacrotask();
    expect(page.writes.map(isScript)).to.deep.equal([false, false, false, true, false, false, true]);
  });

  it('holds back </body></html> until the payload has ended, and writes it last', async () => {
    const page = collect();
    html(page, '<!DOCTYPE html><html><body><p>shell</p></body></html>');
    expect(page.writes).to.deep.equal(['<!DOCTYPE html><html><body><p>shell</p>']);
    flight(page, '0:"a"\n');
    const ended = page.injector.htmlEnd();
    let done = false;
    void ended.then(() => (done = true));
    await nextMacrotask();
    await nextMacrotask();
    expect(done, 'htmlEnd before the Flight stream ended').to.equal(false);
    expect(page.output()).not.to.include('</body>');

    flight(page, '1:"b"\n');
    page.injector.flightEnd();
    await ended;
    expect(page.writes.at(-1)).to.equal('</body></html>');
    // The end marker is in the script right before the closing tags.
    const last = scriptElements(page.writes.at(-2)!);
    expect(last).to.have.lengthOf(1);
    expect(last[0].body).to.match(/\.push\(null\)$/);
    expect(payloadEntriesIn(page.output())).to.deep.equal(['0:"a"\n', '1:"b"\n', null]);
    expect(page.output().indexOf('</body></html>')).to.equal(page.output().length - '</body></html>'.length);
  });

  it('holds back the closing tags when a chunk boundary falls inside them', async () => {
    // React copies its output into 4 KB views: a view can end anywhere, also between </body> and </html>.
    for (const [first, second] of [
      ['<html><body><p>shell</p></body>', '</html>'],
      ['<html><body><p>shell</p></bo', 'dy></html>'],
      ['<html><body><p>shell</p><', '/body></html>'],
    ]) {
      const page = collect();
      flight(page, '0:"a"\n');
      html(page, first);
      html(page, second);
      page.injector.flightEnd();
      await page.injector.htmlEnd();
      expect(page.output(), `${first} | ${second}`).to.match(/<p>shell<\/p><script>[^<]*<\/script><\/body><\/html>$/);
    }
  });

  it('writes a false end back in place: closing tags followed by more HTML', async () => {
    const page = collect();
    flight(page, '0:"a"\n');
    html(page, '<html><body><p>one</p></body></html>');
    html(page, '<p>two</p>');
    await nextMacrotask();
    html(page, '<p>three</p></body></html>');
    page.injector.flightEnd();
    await page.injector.htmlEnd();
    const withoutScripts = page.writes.filter((write) => !isScript(write)).join('');
    expect(withoutScripts).to.equal('<html><body><p>one</p></body></html><p>two</p><p>three</p></body></html>');
    expect(page.writes.at(-1)).to.equal('</body></html>');
  });

  it('puts the nonce on every script, escaped as an attribute value', async () => {
    const page = collect('a"b<c>&d');
    html(page, '<html><body>');
    flight(page, '0:"a"\n');
    await nextMacrotask();
    page.injector.flightEnd();
    await page.injector.htmlEnd();
    const scripts = scriptElements(page.output());
    expect(scripts).to.have.lengthOf(2);
    for (const script of scripts) expect(script.attributes).to.equal(' nonce="a&#34;b&#60;c&#62;&#38;d"');
  });

  it('without a nonce, writes plain <script> elements that push to the payload global', async () => {
    const page = collect();
    html(page, '<html><body>');
    flight(page, '0:"a"\n');
    page.injector.flightEnd();
    await page.injector.htmlEnd();
    expect(page.writes[1]).to.equal(`<script>(self.${PAGE_PAYLOAD_GLOBAL}=self.${PAGE_PAYLOAD_GLOBAL}||[]).push("0:\\"a\\"\\n");(self.${PAGE_PAYLOAD_GLOBAL}=self.${PAGE_PAYLOAD_GLOBAL}||[]).push(null)</script>`);
  });

  it('gives the browser the Flight bytes back exactly: text, split characters, binary, hostile strings, large chunks', async () => {
    const text = utf8(`0:{"title":${JSON.stringify(HOSTILE)},"name":"Zoë 🙂"}\n`);
    const split = text.indexOf(0xf0) + 2; // inside 🙂
    const binary = Buffer.concat([utf8('2:o100,'), Uint8Array.from({ length: 256 }, (_, index) => index)]);
    const bom = Buffer.concat([Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('"x"\n')]);
    const large = randomBytes(150_000);
    const chunks = [text.subarray(0, split), text.subarray(split), binary, bom, utf8('3:"'.padEnd(120_000, 'y') + '"\n'), large];

    const page = collect('n0nce');
    html(page, '<!DOCTYPE html><html><head></head><body><main>');
    for (const [index, chunk] of chunks.entries()) {
      page.injector.flight(chunk);
      if (index % 2 === 1) {
        html(page, `<div>flush ${index}</div>`);
        await nextMacrotask();
      }
    }
    html(page, '</main></body></html>');
    page.injector.flightEnd();
    await page.injector.htmlEnd();

    const decoded = payloadBytesIn(page.output());
    expect(Buffer.from(decoded).equals(Buffer.concat(chunks)), 'decoded payload').to.equal(true);
    // Each script is whole JavaScript, cut where an HTML parser cuts it: nothing broke out.
    const scripts = scriptElements(page.output());
    expect(scripts.every(isPayloadScript)).to.equal(true);
    for (const script of scripts) expect(() => new vm.Script(script.body)).not.to.throw();
    expect(page.output()).not.to.include('<script>alert(1)');
  });
});
