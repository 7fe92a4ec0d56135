import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("741da7183720a4f158a22cd14403f778a9cd04ad");
export { __proxy0 as createNote };
