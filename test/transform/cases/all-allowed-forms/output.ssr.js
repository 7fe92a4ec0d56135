import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("50238243faca89fa8caf46091f189930c9f13922");
const __proxy1 = /*#__PURE__*/ createServerReference("c1ffef5bd850076bf8563e678871d2b8620487bd");
const __proxy2 = /*#__PURE__*/ createServerReference("102c18ffaef435dfc4619f1b1b0fb30fa72fe385");
const __proxy3 = /*#__PURE__*/ createServerReference("42850f004aa9ddb5a39c75d69a008ff82453512d");
const __proxy4 = /*#__PURE__*/ createServerReference("116be234c1e33df50229cd01bfc19537400763d0");
const __proxy5 = /*#__PURE__*/ createServerReference("f4c90288b4485184f8fe18cd7ff5d6e96cf611d3");
const __proxy6 = /*#__PURE__*/ createServerReference("43e042b8d0e1839283206854f3d6ca5d1bff799b");
export { __proxy0 as createNote, __proxy1 as deleteNote, __proxy2 as renameNote, __proxy3 as archive, __proxy4 as unarchive, __proxy5 as "search-notes", __proxy6 as default };
