import { Alert, Center, Container, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, messageOf } from '../api/client';
import { RecoveryScreen } from '../features/dataSafety/RecoveryScreen';
import { App } from './App';
import { format } from './words';

/**
 * Asks main whether the data opened: the app when it did, the recovery screen when the data file
 * is damaged, not Lockstep's, from a newer version, or held by another program.
 */
export function Root() {
  const state = useQuery({
    queryKey: ['app-state'],
    queryFn: () => call('app:state', {}),
    staleTime: Infinity,
  });
  if (state.isPending) {
    return (
      <Center h="100dvh">
        <Loader aria-label={format('app.opening')} />
      </Center>
    );
  }
  if (state.isError) {
    return (
      <Container size="sm" py="xl">
        <Alert color="red" role="alert" title={format('app.openFailed')}>
          {messageOf(state.error)}
        </Alert>
      </Container>
    );
  }
  return state.data.mode === 'recovery' ? <RecoveryScreen state={state.data} /> : <App />;
}
