/**
 * The dev client's entry when React Refresh is on (dev/browser-config.ts picks it): the dev client,
 * given the React Refresh runtime of this bundle to apply pending updates with. The runtime is the one
 * module webpack bundles for react-refresh/runtime, the same the React Refresh plugin registers
 * components with (webpack's `__webpack_require__.$Refresh$` only holds it while a module of the app
 * runs, so the dev client cannot take it from there).
 */
import { applyReactRefreshWith } from './index';

const runtime = require('react-refresh/runtime') as { performReactRefresh(): unknown };

applyReactRefreshWith(() => void runtime.performReactRefresh());
