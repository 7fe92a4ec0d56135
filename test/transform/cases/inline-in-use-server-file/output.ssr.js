import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("43228b0a82d17959ff962fc05b582ca830cb5d8a");
const __proxy1 = /*#__PURE__*/ createServerReference("9fcd7dd0f7f64827f37cab0b36be285864ea81b3");
export { __proxy0 as createNote, __proxy1 as deleteNote };
