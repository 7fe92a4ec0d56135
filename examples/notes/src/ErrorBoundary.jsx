'use client';
// Where an error thrown by a form's server function shows when JavaScript runs: React rethrows it to
// the nearest error boundary. (Without JavaScript, the server renders the page in an error state.)
import { Component } from 'react';

export default class ErrorBoundary extends Component {
  state = { error: null };

  static getDerivedStateFromError(error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div id="error-boundary" role="alert">
        <p>Something went wrong: {this.state.error.message}</p>
        <button type="button" className="secondary" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
