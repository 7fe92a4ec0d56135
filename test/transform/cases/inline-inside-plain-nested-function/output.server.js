import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$setCover_8ec9c13e = _registerServerReference(async function setCover(_captured) {
  "use server";

  let albumId,
    photo = {},
    position;
  [albumId, photo.id, position] = await _openCapturedValues("8ec9c13e770f603792dd34d12414477da864b8d1", _captured);
  await db.albums.setCover(albumId, photo.id, position);
}, "8ec9c13e770f603792dd34d12414477da864b8d1", null);
export function Gallery({
  albumId,
  photos
}) {
  function renderPhoto(photo, index) {
    var setCover = $$setCover_8ec9c13e.bind(null, _captureValues("8ec9c13e770f603792dd34d12414477da864b8d1", "setCover", ["albumId", "photo.id", "position"], () => [albumId, photo?.id, position]));
    const position = index + 1;
    return {
      photo,
      setCover
    };
  }
  return photos.map(renderPhoto);
}