import { render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { usePageTitle } from './usePage';

function SomePage() {
  usePageTitle('page.checkout');
  return null;
}

describe('usePageTitle', () => {
  it('sets the title and opens the page at its top, wherever the last page was scrolled to', () => {
    const scrollTo = jest.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    const titles = jest.spyOn(Taro, 'setNavigationBarTitle');
    render(<SomePage />);
    expect(titles).toHaveBeenCalledWith({ title: '确认订单' });
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });
});
