// "use client" marks a whole file: anywhere else it is a plain string, whatever its container.
import { useState } from "react";

export function Counter() {
  "use client"; // error
  const [count, setCount] = useState(0);
  return <button onClick={() => setCount(count + 1)}>{count}</button>;
}

export const Toggle = () => {
  'use client'; // error
  return null;
};

export const Menu = function () {
  const open = useState(false);
  "use client"; // error
  return open;
};

export const store = {
  read() {
    "use client"; // error
    return 1;
  },
  get size() {
    "use client"; // error
    return 0;
  },
  set size(value) {
    "use client"; // error
  },
};

export class Widget {
  constructor() {
    "use client"; // error
  }
  static {
    "use client"; // error
  }
  render() {
    ("use client"); // error
    return null;
  }
}

{
  "use client"; // error
}
