import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("818f51abfe23b6ec58a15fd2bc64b6d899cc0125");
export { __proxy0 as default };
