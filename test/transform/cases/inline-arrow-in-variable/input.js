import { db } from "./db";

export function Counter({ counterId, step = 1 }) {
  const increment = async () => {
    "use server";
    return db.increment(counterId, step);
  };
  const reset = async (to) => {
    "use server";
    return db.set(counterId, to);
  };
  return { increment, reset };
}
