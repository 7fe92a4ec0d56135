// Strings that look like slips but stand where no directive can: none of them is reported.
import { log } from "./log";
"use sever";
("use client ");

export const hint = "use sever";
export const label = 'use  server';

export function Help() {
  log("use action");
  "use sever";
  ("use server");
  return <p>user server: "use sever" is a typo of 'use server'</p>;
}

export function Table() {
  const columns = ["use client ", "use action"];
  return columns;
}

export const actions = {
  save: async () => "use sever",
};
