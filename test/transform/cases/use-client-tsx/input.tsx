"use client";
import { useState, type ReactNode } from "react";
import type { Theme } from "./theme";

export type ButtonProps = { children: ReactNode; theme?: Theme };
export interface PanelProps {
  title: string;
}
export type { Theme } from "./theme";

export enum Size {
  Small,
  Large,
}

export default function Button({ children }: ButtonProps) {
  const [pressed, setPressed] = useState<boolean>(false);
  return <button aria-pressed={pressed} onClick={() => setPressed(!pressed)}>{children}</button>;
}

export const Panel = ({ title }: PanelProps) => <section>{title as string}</section>;
