import { createServerReference } from "react-server-dom-webpack/client";
import { callServer } from "webpack-server-actions/client";
export {  };
