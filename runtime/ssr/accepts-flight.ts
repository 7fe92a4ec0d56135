/** Whether an Accept header asks for a page's Flight stream rather than its HTML (refresh, navigation). */
import { FLIGHT_CONTENT_TYPE } from '../protocol';

export function acceptHeaderWantsFlight(accept: string | null | undefined): boolean {
  return (accept ?? '').split(',').some((type) => type.trim().split(';')[0] === FLIGHT_CONTENT_TYPE);
}
