"use server";__registerServerReference(save, "3b1e2169e426d1d4a2d88a7ed863b9c0d17ddfb1", null);
export default interface Options {
  draft: boolean;
}
export async function save(options: Options): Promise<void> {}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
