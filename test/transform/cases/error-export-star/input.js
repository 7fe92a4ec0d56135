"use server";

export * from "./actions"; // error: re-exports a whole module
