import { render, screen } from '@testing-library/react';
import { ApiRequestError } from '../../api/client';
import { setLang } from '../../i18n';
import { FormError, unplacedMessage } from './index';

/** A conflict the server names by code is told in the user's language, not in the server's English. */
describe('FormError', () => {
  const allClaimed = new ApiRequestError('all claimed: every unit of this gift has been taken', 409, 'ALL_CLAIMED');
  afterEach(() => setLang('zh'));

  it('says a known conflict by its code, in Chinese and in English', () => {
    setLang('zh');
    const { rerender } = render(<FormError error={allClaimed} testId="e" />);
    expect(screen.getByTestId('e').textContent).toBe('礼物已被领完');
    setLang('en');
    rerender(<FormError error={new ApiRequestError('x', 409, 'TOO_MANY_UNPAID_ORDERS')} testId="e" />);
    expect(screen.getByTestId('e').textContent).toBe('You have 5 unpaid orders: pay or cancel one first');
  });

  it('keeps the server message for a code it has no words for', () => {
    render(<FormError error={new ApiRequestError('something specific', 409, 'SOME_NEW_RULE')} testId="e" />);
    expect(screen.getByTestId('e').textContent).toBe('something specific');
  });

  it('gives the localized text where a form places the message under itself', () => {
    setLang('zh');
    expect(unplacedMessage(allClaimed, ['address'])).toBe('礼物已被领完');
    expect(unplacedMessage(allClaimed, ['address'], {})).toBe('礼物已被领完');
  });
});
