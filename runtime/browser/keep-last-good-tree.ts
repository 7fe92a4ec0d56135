/**
 * The page's tree, inside a boundary that keeps the last tree that rendered when a new one fails: a
 * server component that throws while the page is refreshed, or in the tree a call's answer brings,
 * leaves the page as it was instead of blank. The error goes to React's `onCaughtError` (logged by
 * default) and to a `ROOT_ERROR_EVENT` on `window`, where the development loop shows it.
 */
import { Component, createElement, type ErrorInfo, type ReactNode } from 'react';

export const ROOT_ERROR_EVENT = 'webpack-server-actions:root-error';

interface Props {
  tree: ReactNode;
}

interface State {
  tree: ReactNode;
  failed: boolean;
}

export class KeepLastGoodTree extends Component<Props, State> {
  override state: State = { tree: this.props.tree, failed: false };
  private lastGood: ReactNode = null;

  static getDerivedStateFromProps(props: Props, state: State): State | null {
    // A new tree gets its chance, even after one failed.
    return props.tree === state.tree ? null : { tree: props.tree, failed: false };
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    window.dispatchEvent(new CustomEvent(ROOT_ERROR_EVENT, { detail: { error, componentStack: info.componentStack } }));
  }

  override componentDidMount(): void {
    this.lastGood = this.props.tree;
  }

  override componentDidUpdate(): void {
    if (!this.state.failed) this.lastGood = this.state.tree;
  }

  override render(): ReactNode {
    return this.state.failed ? this.lastGood : this.state.tree;
  }
}

export function keepLastGoodTree(tree: ReactNode): ReactNode {
  return createElement(KeepLastGoodTree, { tree });
}
