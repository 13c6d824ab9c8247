import { Component, type ComponentChildren } from 'preact';

/**
 * An error boundary: a render error in any surface removes the surfaces instead of reaching the host
 * page (Preact rethrows errors no boundary catches, and re-renders run outside any try of ours).
 */
export class Guard extends Component<{ children: ComponentChildren }, { failed?: boolean }> {
  override componentDidCatch() {
    this.setState({ failed: true });
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
