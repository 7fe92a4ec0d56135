"use client";
import { useState } from "react";
import { secret } from "./client-only";

export function Counter() {
  const [count, setCount] = useState(0);
  return <button onClick={() => setCount(count + 1)}>{count}</button>;
}

export class Legacy extends Object {}

export const { Title, Body = secret, nested: [First, ...Rest] } = { Title: "t", nested: [] },
  Plain = 1;

export { Link, default as Anchor } from "./link";
export * as icons from "./icons";

const Hidden = () => null;
export { Hidden as "hidden-component" };

export default function Page() {
  return <Counter />;
}
