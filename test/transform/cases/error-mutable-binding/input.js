"use server";

export let createNote = async (title) => ({ title }); // error: let

var deleteNote = async function (id) {
  return id;
};

export { deleteNote }; // error: var
