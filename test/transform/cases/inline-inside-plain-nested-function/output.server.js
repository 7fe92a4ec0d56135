import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$setCover_4fe3cb31 = _registerServerReference(async function setCover(_captured) {
  "use server";

  let albumId,
    photo = {},
    position;
  [albumId, photo.id, position] = await _openCapturedValues("4fe3cb31360ecfd95ad3381626c1d37de12196a1", _captured);
  await db.albums.setCover(albumId, photo.id, position);
}, "4fe3cb31360ecfd95ad3381626c1d37de12196a1", null);
export function Gallery({
  albumId,
  photos
}) {
  function renderPhoto(photo, index) {
    var setCover = $$setCover_4fe3cb31.bind(null, _captureValues("4fe3cb31360ecfd95ad3381626c1d37de12196a1", "setCover", ["albumId", "photo.id", "position"], () => [albumId, photo?.id, position]));
    const position = index + 1;
    return {
      photo,
      setCover
    };
  }
  return photos.map(renderPhoto);
}