import { ApiError, NetworkError } from '../common/api/client';

/**
 * A refusal in words for one line on the page (a photo not sent, a lookup refused): the API's own words
 * (its field problems when it named any, else its message), or what went wrong on the way.
 */
export function plainProblem(error: unknown, words: { network: string; server: string }): string {
  if (error instanceof NetworkError) return words.network;
  if (error instanceof ApiError && error.status < 500) {
    const fields = (error.body.errors ?? []).map((problem) => problem.message);
    return fields.length > 0 ? fields.join('；') : error.body.message;
  }
  return words.server;
}
