// A module that talks about "use server" without defining any server function.
export const hint = 'Put "use server" at the top of the function body.';

export function explain(topic) {
  const directive = "use server";
  const template = `"use server" must come first`;
  ("use server");
  const answer = async () => "use server";
  return [topic, directive, template, answer];
}
