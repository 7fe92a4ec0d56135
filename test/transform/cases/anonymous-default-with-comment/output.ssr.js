import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("95cffcb4291ad99342f61ec59eed7e1a5fb1afc8");
export { __proxy0 as default };
