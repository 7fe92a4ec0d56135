/**
 * `redirect()` as a unit: the ServerActionRedirect it ends a server function with, the location
 * percent-encoded so that it cannot add a header line, and the TypeError for anything that is not an
 * http(s) URL. What the request helper answers for it, to a call and to a form, is in
 * request-helper.test.ts.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/fixture-app';
import { ABROAD } from '../helpers/request-app';

// The unit under test straight from dist: inside a bundle it is the same code, reached through the runtime.
const { redirect }: typeof import('../../dist/runtime/server/redirect') = require(path.join(REPO_ROOT, 'dist/runtime/server/redirect.js'));
const { ServerActionRedirect }: typeof import('../../dist/runtime/server/errors') = require(path.join(REPO_ROOT, 'dist/runtime/server/errors.js'));

describe('redirect()', () => {
  function redirectError(location: unknown): unknown {
    try {
      redirect(location as string);
    } catch (error) {
      return error;
    }
    throw new Error('redirect() returned');
  }

  for (const location of ['/notes/7', '/notes?tab=edit&x=1', '?page=2', 'https://example.com/a?b=c', 'http://example.com']) {
    it(`ends the function with ServerActionRedirect for ${JSON.stringify(location)}`, () => {
      const error = redirectError(location);
      expect(error).to.be.an.instanceOf(ServerActionRedirect);
      expect(error).to.include({ code: 'ERR_SERVER_ACTION_REDIRECT', location });
    });
  }

  it('percent-encodes what a header cannot carry, so a location cannot add a header line', () => {
    expect(redirectError('/café/über uns?q=naïve&emoji=🙂')).to.have.property('location', ABROAD);
    expect(redirectError('/a\r\nSet-Cookie: admin=1')).to.have.property('location', '/a%0D%0ASet-Cookie:%20admin=1');
  });

  for (const location of ['', '   ', undefined, null, 7, { href: '/' }]) {
    it(`refuses ${JSON.stringify(location) ?? 'undefined'} with a TypeError: not a URL`, () => {
      const error = redirectError(location);
      expect(error).to.be.an.instanceOf(TypeError);
      expect(error).to.not.be.an.instanceOf(ServerActionRedirect);
    });
  }

  it('refuses a location holding a lone surrogate with a TypeError, as no URL can hold one', () => {
    expect(redirectError('/notes/\uD800')).to.be.an.instanceOf(TypeError);
  });

  // The URL parser ignores case, leading blanks and tabs inside the scheme: so must the check.
  for (const location of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'mailto:a@example.com']) {
    it(`refuses ${JSON.stringify(location)} with a TypeError: http(s) only`, () => {
      const error = redirectError(location);
      expect(error).to.be.an.instanceOf(TypeError);
      expect((error as Error).message).to.match(/http\(s\) URLs only/);
    });
  }
});
