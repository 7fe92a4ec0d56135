import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("7f637c5490275239211270290843ce1b752df429");
export { __proxy0 as default };
