// The app's data, kept in memory: it starts empty each time the server starts. Its functions are
// async, as a database's would be. Only server code imports this module (App.tsx and actions.ts),
// so it is in the server bundle alone.
let likes = 0;
const messages: string[] = [];
const subscribers = new Set<string>();

export const store = {
  likes: async () => likes,
  like: async () => ++likes,
  messages: async () => [...messages],
  addMessage: async (text: string) => void messages.push(text),
  subscribe: async (email: string) => void subscribers.add(email),
};
