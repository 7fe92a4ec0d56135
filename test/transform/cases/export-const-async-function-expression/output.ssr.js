import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("093ea50a6f4e42086c9293ac93685f10c1f1674d");
export { __proxy0 as renameNote };
