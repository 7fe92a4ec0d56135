// Spelled with a hyphen, the directive is a plain string: nothing here is a server function.
'use-server'; // error

export async function createNote(title) {
  return { title };
}
