"use client";

export function Button() {
  return null;
}

export * from "./components"; // error: hides names
