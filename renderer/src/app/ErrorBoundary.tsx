import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { format } from './words';

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
      <Alert color="red" title={format('app.screenFailed')} m="xl" role="alert">
        <Stack gap="sm">
          <Text size="sm">
            {format('app.screenFailedBody')} {this.state.error.message}
          </Text>
          <Button
            variant="default"
            color="red"
            w="fit-content"
            onClick={() => this.setState({ error: null })}
          >
            {format('app.tryAgain')}
          </Button>
        </Stack>
      </Alert>
    );
  }
}
