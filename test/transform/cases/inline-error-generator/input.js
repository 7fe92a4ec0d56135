export function Feed({ feedId }) {
  async function* stream() {
    "use server"; // error
    yield feedId;
  }
  function* pages() {
    "use server"; // error
    yield 1;
  }
  const actions = {
    async *more() {
      "use server"; // error
      yield 2;
    },
  };
  return { stream, pages, actions };
}
