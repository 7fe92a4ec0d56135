"use client";
export declare class Ambient {}
export declare const ambientValue: number;
export namespace Shapes {
  export const square = 4;
}
export import Square = Shapes.square;
export enum Color {
  Red,
}
export default interface Props {
  color: Color;
}
