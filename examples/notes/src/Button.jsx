'use client';

export default function Button({ onClick, id, children = 'Create Empty Note' }) {
  return (
    <button id={id} onClick={() => onClick()}>
      {children}
    </button>
  );
}
