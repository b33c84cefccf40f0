import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';

interface State {
  error: Error | null;
}

/** Shows a calm message instead of a blank window when a screen fails to render. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="This screen could not be shown" m="xl" role="alert">
        <Stack gap="sm">
          <Text size="sm">Your data is safe: nothing was changed. {this.state.error.message}</Text>
          <Button
            variant="default"
            color="red"
            w="fit-content"
            onClick={() => this.setState({ error: null })}
          >
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
}
