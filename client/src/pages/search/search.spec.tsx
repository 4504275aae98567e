import { render, screen } from '@testing-library/react';
import { setLang } from '../../i18n';
import { mockApi, setRouterParams } from '../../test/taro';
import { ok } from '../../test/fixtures';
import SearchPage from './index';

const hit = (id: string) => ({ productId: id, shopId: 'shop1', title: `茶 ${id}`, priceFen: 16800, score: 1 });
let hits = [hit('p1')];

beforeEach(() => {
  setRouterParams({ q: '茶' });
  mockApi(() => ok({ items: hits, total: hits.length }));
});

afterEach(() => setLang('zh'));

describe('search results count', () => {
  it('says "1 result" and "2 results" in English', async () => {
    setLang('en');
    hits = [hit('p1')];
    const { unmount } = render(<SearchPage />);
    expect(await screen.findByText('1 result')).toBeTruthy();
    unmount();

    hits = [hit('p1'), hit('p2')];
    render(<SearchPage />);
    expect(await screen.findByText('2 results')).toBeTruthy();
  });

  it('says 共 1 个结果 in Chinese', async () => {
    hits = [hit('p1')];
    render(<SearchPage />);
    expect(await screen.findByText('共 1 个结果')).toBeTruthy();
  });
});
