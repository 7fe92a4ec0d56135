"use server";

export class NoteStore {} // error: a class
