"use server";

export const LIMIT = 10; // error: a value
