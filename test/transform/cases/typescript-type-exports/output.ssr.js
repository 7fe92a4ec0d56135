import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("da79a911a1659963606ad2f26464f7d498f494d6");
const __proxy1 = /*#__PURE__*/ createServerReference("7f88959505522285a47d9dc23cc048c80d108935");
export { __proxy0 as createNote, __proxy1 as renameNote };
