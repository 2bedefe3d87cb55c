import { Component, type ReactNode } from 'react';

export interface ChartBoundaryProps {
  /** Shown instead of the chart when its code cannot be loaded (e.g. offline after a deploy). */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * The chart is a lazily loaded chunk; if it fails to load, React would otherwise unmount the whole
 * conversation. The bubble falls back to its text twin instead.
 */
export class ChartBoundary extends Component<ChartBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
