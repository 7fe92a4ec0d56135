import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("14eb8c9cfa3b66b60ceea12a357267bda41c6243");
const __proxy1 = /*#__PURE__*/ createServerReference("97c6e764857980d149059c0cdca3039875a700a4");
export { __proxy0 as startEdit, __proxy1 as undoable };
