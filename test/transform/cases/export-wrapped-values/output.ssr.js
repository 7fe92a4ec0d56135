import { createServerReference } from "react-server-dom-webpack/client.node";
const __proxy0 = /*#__PURE__*/ createServerReference("98a91d6ddd7a4c0e0c59a0e76462a3d9f4e1135b");
const __proxy1 = /*#__PURE__*/ createServerReference("e7623f5e627873173bc884691b2301f099f7dae4");
const __proxy2 = /*#__PURE__*/ createServerReference("e684d57e35e524c013810d303406fb3f05d38d6d");
const __proxy3 = /*#__PURE__*/ createServerReference("b0a78781ffd8c15a3289a7a49ea370b226631e3d");
const __proxy4 = /*#__PURE__*/ createServerReference("37a3df35fe85a8c288add773df54a78611ec0509");
const __proxy5 = /*#__PURE__*/ createServerReference("be1cc9bd7c71cddcd01c832062125ef39791ce7a");
const __proxy6 = /*#__PURE__*/ createServerReference("d7f1af052a5b83e5a132325b25e69edac3b75fa5");
export { __proxy0 as rename, __proxy1 as save, __proxy2 as pick, __proxy3 as archive, __proxy4 as shared, __proxy5 as alsoShared, __proxy6 as default };
