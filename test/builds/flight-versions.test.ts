/** Which react-server-dom-webpack versions the plugin warns about: those without the Flight security fixes. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hasFlightSecurityFixes, PATCHED_FLIGHT_RANGE } from '../../plugin/checks/flight-versions';

describe('react-server-dom-webpack versions with the Flight security fixes', () => {
  const unpatched = ['18.3.1', '19.0.0', '19.0.3', '19.0.7', '19.1.4', '19.1.8', '19.2.0', '19.2.3', '19.2.7'];
  const patched = ['19.0.8', '19.0.9', '19.1.9', '19.1.10', '19.2.8', '19.2.9', '19.3.0', '19.3.1', '20.0.0'];

  for (const version of unpatched) {
    it(`warns about ${version}`, () => expect(hasFlightSecurityFixes(version)).to.equal(false));
  }
  for (const version of patched) {
    it(`accepts ${version}`, () => expect(hasFlightSecurityFixes(version)).to.equal(true));
  }

  it('does not judge prereleases (canaries carry the fixes by date, not by number)', () => {
    expect(hasFlightSecurityFixes('19.3.0-canary-dc9aed36-20261027')).to.equal(true);
  });

  it('is the range package.json asks for, and what the installed version satisfies', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
    expect(pkg.peerDependencies['react-server-dom-webpack']).to.equal(PATCHED_FLIGHT_RANGE);
    const installed = JSON.parse(readFileSync(require.resolve('react-server-dom-webpack/package.json'), 'utf8')).version;
    expect(hasFlightSecurityFixes(installed), installed).to.equal(true);
  });
});
