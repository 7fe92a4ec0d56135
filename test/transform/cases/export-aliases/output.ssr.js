import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("637bf5a6cc25766043982d9a4ef32945e7b5140b");
const __proxy1 = /*#__PURE__*/ createServerReference("5cf2b1d31bdd341bf54b51fc0139f434010c0447");
const __proxy2 = /*#__PURE__*/ createServerReference("6deb4684a48ddba70eb0f43ceb055a74c866a6c3");
const __proxy3 = /*#__PURE__*/ createServerReference("8c232a541d763ccba089f4edf3cb538b7a23afc9");
const __proxy4 = /*#__PURE__*/ createServerReference("ffb4d701ce52a943f374163fddd87ae3e8284597");
const __proxy5 = /*#__PURE__*/ createServerReference("dcd175dbe3179df10f81b75da01cbb96715a3637");
const __proxy6 = /*#__PURE__*/ createServerReference("ca70beb1604a6f95237826e36afe9638ee4780a2");
export { __proxy0 as createNote, __proxy1 as addNote, __proxy2 as deleteNote, __proxy3 as default, __proxy4 as hide, __proxy5 as archive, __proxy6 as remove };
