'use client';

export default function Button({ onClick, children }) {
  return (
    <button id="create-empty-note" onClick={() => onClick()}>
      {children}
    </button>
  );
}
