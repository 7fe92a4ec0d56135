"use client";
// Already a client file: the directive inside the component is one more string that does nothing.
import { useState } from "react";

export function Counter() {
  "use client"; // error
  const [count, setCount] = useState(0);
  return <button onClick={() => setCount(count + 1)}>{count}</button>;
}
