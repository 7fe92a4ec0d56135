import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("be935f99b04cbb29ab8d0f7a8dbca472b922bc0d");
export { __proxy0 as deleteNote };
