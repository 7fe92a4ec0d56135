import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("5015b68cb05615364aa90c5cc3fed7d71fe6e315");
export { __proxy0 as default };
