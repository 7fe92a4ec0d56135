import { createServerReference } from "react-server-dom-webpack/client.node";
export {  };
