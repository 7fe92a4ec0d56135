// The app's data, in memory (async, as a database would be). Only server code imports it.
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
