export class Settings {
  constructor() {
    "use server"; // error
  }

  get theme() {
    "use server"; // error
    return "dark";
  }

  set theme(value) {
    "use server"; // error
  }

  static get defaults() {
    "use server"; // error
    return {};
  }
}

export const preferences = {
  get language() {
    "use server"; // error
    return "en";
  },
  set language(value) {
    "use server"; // error
  },
};
