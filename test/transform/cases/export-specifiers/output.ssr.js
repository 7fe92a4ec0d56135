import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("5de9ebdea2ff34bcaba98d1e6e00ec61f5d178fb");
const __proxy1 = /*#__PURE__*/ createServerReference("d3300a6ba117d154a4e720bfa138cd277b381247");
export { __proxy0 as archive, __proxy1 as unarchive };
