"use server";
export default interface Options {
  draft: boolean;
}
export async function save(options: Options): Promise<void> {}
