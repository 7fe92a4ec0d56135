import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("f1ec0dbf74d86422bdd1253b885428f4c1456f08");
export { __proxy0 as default };
