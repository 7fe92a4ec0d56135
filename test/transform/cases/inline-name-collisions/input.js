import { db } from "./db";

const _registerServerReference = "a user variable";
const _captureValues = 1;
const _openCapturedValues = 2;

export function Page({ _captured, pageId }) {
  async function save() {
    "use server";
    return [_captured, pageId, _registerServerReference, _captureValues, _openCapturedValues];
  }
  return save;
}

export const $$save_bf7abc17 = "a user export with the name the loader would have picked";
