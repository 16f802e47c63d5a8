import { describe, expect, it } from 'vitest';
import { channelOf, classifyDatabaseAnswer, classifyError, errorDetail, LIVE_MAX_STEP, retryStep } from './sync-errors';

describe('sync error classification', () => {
  it("tells which of RxDB's retry loops an error came from", () => {
    expect(channelOf({ code: 'RC_PULL' })).toBe('pull');
    expect(channelOf({ code: 'RC_STREAM' })).toBe('live');
    expect(channelOf({ code: 'RC_PUSH' })).toBe('push');
    expect(channelOf({ code: 'RC_PUSH_NO_AR' })).toBe('push');
    expect(channelOf({ code: 'SNH' })).toBeNull();
    expect(channelOf(null)).toBeNull();
    expect(channelOf(new Error('no code'))).toBeNull();
  });

  it('keeps the live feed backoff short while pulls and pushes keep growing', () => {
    expect(retryStep('live', 1)).toBe(1);
    expect(retryStep('live', 50)).toBe(LIVE_MAX_STEP);
    expect(retryStep('pull', 50)).toBe(50);
    expect(retryStep('push', 7)).toBe(7);
  });

  it("names the reason from the failed request's own status first", () => {
    expect(classifyError(401, new Error('Failed to fetch'))).toBe('unauthorized');
    expect(classifyError(500, new Error('whatever'))).toBe('server_error');
    expect(classifyError(503, new Error('timeout'))).toBe('server_error');
    expect(classifyError(403, new Error('Failed to fetch'))).toBe('forbidden');
  });

  it('reads timeouts and network failures from the message when no status explains them', () => {
    expect(classifyError(0, new Error('Request timeout after 30s'))).toBe('timeout');
    expect(classifyError(0, new TypeError('Failed to fetch'))).toBe('unreachable');
    expect(classifyError(200, new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBe('unreachable');
    expect(classifyError(0, 'socket hang up')).toBe('unreachable');
    // No answer at all is a network failure, whatever the text says.
    expect(classifyError(0, new Error('odd'))).toBe('unreachable');
    expect(classifyError(409, new Error('odd'))).toBe('unknown');
  });

  it("classifies a database's first answer before replicating it", () => {
    expect(classifyDatabaseAnswer(200)).toBeNull();
    expect(classifyDatabaseAnswer(404)).toBe('missing_database');
    expect(classifyDatabaseAnswer(401)).toBe('forbidden');
    expect(classifyDatabaseAnswer(403)).toBe('forbidden');
    expect(classifyDatabaseAnswer(500)).toBe('server_error');
    expect(classifyDatabaseAnswer(302)).toBe('server_error');
  });

  it('keeps an error detail bounded', () => {
    expect(errorDetail(new Error('x'.repeat(1000)))).toHaveLength(300);
    expect(errorDetail('plain text')).toBe('plain text');
    expect(errorDetail(null)).toBe('null');
  });
});
