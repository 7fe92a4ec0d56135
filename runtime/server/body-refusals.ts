/**
 * The content types the request helper reads, and the refusals of a body that is too large, too slow,
 * cut short or malformed: the same on every server (read-body.ts for Node, fetch-body.ts for Fetch).
 */
import { ServerActionRequestError } from './errors';

export const DEFAULT_BODY_SIZE_LIMIT = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT = 30_000;

export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data\b/i.test(contentType ?? '');
}

export function isUrlEncoded(contentType: string | undefined): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '');
}

export function isPlainText(contentType: string | undefined): boolean {
  return /^text\/plain\b/i.test(contentType ?? '');
}

export function tooLarge(): ServerActionRequestError {
  return new ServerActionRequestError('too-large', 'The request body is larger than the limit.');
}

export function timedOut(): ServerActionRequestError {
  return new ServerActionRequestError('timeout', 'The request body did not arrive in time.');
}

export function endedEarly(): ServerActionRequestError {
  return new ServerActionRequestError('bad-request', 'The request body ended early.');
}

export function malformedMultipart(): ServerActionRequestError {
  return new ServerActionRequestError('bad-request', 'The multipart body is malformed.');
}
