import {
  commandStatus,
  expect,
  fastForward,
  lockButton,
  openPopover,
  stateWord,
  test,
} from './fixtures';

test('power-saving mode: said before Lock, and a Lock sent anyway gets the sleep answer in words', async ({
  page,
  host,
}) => {
  await openPopover(page, host);
  await expect(stateWord(page)).toHaveText('Locked');
  await expect(page.getByTestId('reachability')).toHaveCount(0);

  await host.demo({ kind: 'power-saving', on: true });
  // Volvo is asked at most hourly while nothing goes wrong: at the first check an hour after the
  // last answer. Checks a minute apart each end a little later than they began (real HTTP), so
  // that check can fall just past the 61st minute: two checks' margin.
  await fastForward(page, host, 62 * 60_000);
  await expect(page.getByTestId('reachability')).toHaveText(
    'The car is in power-saving mode: commands may not reach it.',
  );

  await lockButton(page).click();
  await expect(commandStatus(page)).toContainText(/asleep/i);
});
