import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
const __proxy0 = /*#__PURE__*/ createServerReference("43228b0a82d17959ff962fc05b582ca830cb5d8a", callServer, undefined, undefined, "createNote");
const __proxy1 = /*#__PURE__*/ createServerReference("9fcd7dd0f7f64827f37cab0b36be285864ea81b3", callServer, undefined, undefined, "deleteNote");
export { __proxy0 as createNote, __proxy1 as deleteNote };
