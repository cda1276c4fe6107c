import { expect, test } from 'vitest';
import { recordingLogger } from '../testing/recording-logger';
import { createPublisher } from './publisher';

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('changes within one turn are published once, to every subscriber until it unsubscribes', async () => {
  let built = 0;
  const publisher = createPublisher(() => ++built, recordingLogger());
  const seen: number[] = [];
  const unsubscribe = publisher.subscribe((value) => seen.push(value));
  publisher.changed();
  publisher.changed();
  await turn();
  expect(seen).toEqual([1]);
  unsubscribe();
  publisher.changed();
  await turn();
  expect(seen).toEqual([1]);
  expect(publisher.current()).toBe(2);
});

test('a value that cannot be built keeps the last one up and is logged, never thrown', async () => {
  let broken = false;
  const logger = recordingLogger();
  const publisher = createPublisher(() => {
    if (broken) throw new RangeError('Invalid time value');
    return 'fine';
  }, logger);
  expect(publisher.current()).toBe('fine');
  broken = true;
  publisher.changed();
  await turn();
  expect(publisher.current()).toBe('fine');
  expect(logger.messages('error')[0]).toBe('The Snapshot could not be built');
});
