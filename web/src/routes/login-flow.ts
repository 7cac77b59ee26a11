import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { sessionKey } from '../api/session';
import type { SessionInfo } from '../api/types';
import { api } from '../api/client';
import { landingPath } from '../auth/guards';

type FlowState = { from?: string } | null;

/** The page the user wanted before being sent to log in, carried through the login steps. */
export function useReturnTo(): string | undefined {
  const state = useLocation().state as FlowState;
  return state?.from && state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : undefined;
}

/** After the last login step: reload the session and go where the user wanted, or to their home. */
export function useFinishLogin() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const returnTo = useReturnTo();
  return async () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    const session = await queryClient.fetchQuery({
      queryKey: sessionKey,
      queryFn: () => api<SessionInfo>('GET', '/auth/session'),
      staleTime: 0,
    });
    navigate(returnTo ?? landingPath(session), { replace: true });
  };
}
