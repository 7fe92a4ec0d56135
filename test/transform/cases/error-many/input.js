"use server";
import { helper } from "./helper";

export async function fine(title) {
  return { title };
}

export function notAsync() {} // error
export const LIMIT = 10; // error
export class Store {} // error
export * from "./more"; // error
export { other } from "./other"; // error
export { helper }; // error
export default 42; // error
