import { Component, createContext, useContext, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { ErrorFallback } from './ErrorFallback';

/** The app's version as error reports name it (e.g. "0.1.0 (electron)"); the layout provides it. */
export const ErrorReportContext = createContext<{ version: string }>({ version: 'unknown' });

export interface CaughtError {
  error: unknown;
  componentStack: string | null;
  /** When it was caught (ms). */
  at: number;
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to show instead of the children once they threw; `reset` renders them again. */
  fallback(caught: CaughtError, reset: () => void): ReactNode;
  /** When any of these changes (e.g. the route), a caught error is forgotten and the children render again. */
  resetKeys?: readonly unknown[];
}

/**
 * Catches a render error of its children so it takes down only them: the sidebar, the other
 * panels and navigation keep working (DESIGN.md §4: each route and panel has one). React logs
 * the error itself; errors in event handlers and effects that run later are not render errors
 * and stay with their own handling.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { caught: CaughtError | null }> {
  override state: { caught: CaughtError | null } = { caught: null };

  static getDerivedStateFromError(error: unknown) {
    return { caught: { error, componentStack: null, at: Date.now() } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // The component stack arrives only here, after the fallback's first render.
    this.setState((s) => ({ caught: { error, componentStack: info.componentStack ?? null, at: s.caught?.at ?? Date.now() } }));
  }

  override componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.caught && changed(previous.resetKeys, this.props.resetKeys)) this.reset();
  }

  reset = () => this.setState({ caught: null });

  override render() {
    return this.state.caught ? this.props.fallback(this.state.caught, this.reset) : this.props.children;
  }
}

function changed(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));
}

/** Renders a panel written inline in its page's JSX, so its expressions run inside the boundary. */
function Deferred({ render }: { render(): ReactNode }) {
  return render();
}

/**
 * One panel of a screen (a section of the 360° page, a list of My day…): a render error shows a
 * translated notice with "Copy details" and "Try again" in the panel's place, titled like it.
 * Leaving the route forgets the error; so does any of `resetKeys` changing (another record).
 * Children as a function: for a panel written inline in its page, whose values would otherwise
 * be computed by the page's own render, outside this boundary.
 */
export function PanelBoundary({
  title,
  resetKeys = [],
  children,
}: {
  title?: string;
  resetKeys?: readonly unknown[];
  children: ReactNode | (() => ReactNode);
}) {
  const [location] = useLocation();
  const { version } = useContext(ErrorReportContext);
  return (
    <ErrorBoundary
      resetKeys={[location, ...resetKeys]}
      fallback={(caught, reset) => <ErrorFallback variant="panel" title={title} caught={caught} route={location} version={version} onRetry={reset} />}
    >
      {typeof children === 'function' ? <Deferred render={children} /> : children}
    </ErrorBoundary>
  );
}

/** The current screen: a render error keeps the sidebar and shows a notice; going to another route resets it. */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const { version } = useContext(ErrorReportContext);
  return (
    <ErrorBoundary
      resetKeys={[location]}
      fallback={(caught, reset) => <ErrorFallback variant="route" caught={caught} route={location} version={version} onRetry={reset} />}
    >
      {children}
    </ErrorBoundary>
  );
}
