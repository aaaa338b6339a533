import { useRequest } from '../../../api/useRequest';
import { authorityApi } from '../api';

/** The rounds the authority works on, with its closing state and quota use. */
export function useAuthorityRounds() {
  return useRequest((signal) => authorityApi.rounds(signal), []);
}
