import { db } from "./db";

export function Gallery({ albumId, photos }) {
  function renderPhoto(photo, index) {
    const position = index + 1;
    async function setCover() {
      "use server";
      await db.albums.setCover(albumId, photo.id, position);
    }
    return { photo, setCover };
  }
  return photos.map(renderPhoto);
}
