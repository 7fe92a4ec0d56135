"use server";
import { withAuth } from "../lib/actions";

// What the code shows is not a server function is a build error; anything else is checked at run time.
export const LIMIT = 10; // error
export const label = `notes`; // error
export const options = { draft: true }; // error
export const steps = [async () => {}]; // error
export const sync = () => "sync"; // error
export const Store = class {}; // error
export const negated = !withAuth; // error
export const sum = 1 + 2; // error
export const nothing = undefined; // error
export let later = withAuth(async () => {}); // error
export var old = async () => {}; // error
export function plain() {} // error
export function* generate() {} // error
export const ok = withAuth(async () => {});
