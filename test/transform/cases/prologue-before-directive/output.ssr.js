import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("517e0f2ee4f5aea7a2985afb19748421c62a38cf");
export { __proxy0 as createNote };
