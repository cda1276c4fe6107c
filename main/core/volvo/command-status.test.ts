import { describe, expect, it } from 'vitest';
import { parseInvokeStatus } from './command-status';
import { recordingLogger } from './testing/fake-fetch';

describe('parseInvokeStatus', () => {
  it('keeps known statuses and turns new ones into UNKNOWN with a warning', () => {
    const logger = recordingLogger();
    expect(parseInvokeStatus('COMPLETED', logger)).toEqual({ status: 'COMPLETED' });
    expect(parseInvokeStatus('PARTIALLY_LOCKED', logger)).toEqual({
      status: 'UNKNOWN',
      reported: 'PARTIALLY_LOCKED',
    });
    expect(logger.warnings).toHaveLength(1);
  });
});
