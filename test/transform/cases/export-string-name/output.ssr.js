import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("e0868769fffb25a5ebd8fde42ff59f7a2809349b");
const __proxy1 = /*#__PURE__*/ createServerReference("2e8e3f09704b29d2f0bbca60d8246db94f734d96");
export { __proxy0 as "search-notes", __proxy1 as "ünïcode count" };
