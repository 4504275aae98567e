import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SavedAddressView } from '@giftshop/shared';
import { requests, setRouterParams } from '../../test/taro';
import { BOB, fail, gift, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import { setLang } from '../../i18n';
import GiftPage from './index';

const SKUS = [
  sku({ id: 's1', specs: { 规格: '250g 礼盒' }, priceFen: 16800 }),
  sku({ id: 's2', specs: { 规格: '250g 罐装' }, priceFen: 16800 }),
];
const HOME: SavedAddressView = {
  id: 'a-home',
  name: '鲍勃',
  phone: '13800138000',
  region: '浙江省 杭州市 西湖区',
  detail: '龙井路 1 号',
  isDefault: true,
};
const OFFICE: SavedAddressView = {
  id: 'a-office',
  name: '鲍勃',
  phone: '13900001111',
  region: '上海市 浦东新区',
  detail: '世纪大道 100 号',
  isDefault: false,
};

const posts = (path: string) => requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.data);
const originalEnv = process.env.TARO_ENV;

function route(book: SavedAddressView[]) {
  let claimed = false;
  routeApi({
    'GET /me/addresses': () => ok(book),
    'POST /me/addresses': (body) => ok({ id: 'a-new', ...(body as object), isDefault: book.length === 0 }, 201),
    'GET /gifts/g1': () => ok(claimed ? gift({ status: 20, remainingUnits: 0 }) : gift()),
    'GET /products/p1': () => ok(product(SKUS)),
    'POST /gifts/g1/claim': () => {
      claimed = true;
      return ok({ id: 'c1', giftId: 'g1', status: 20 });
    },
  });
}

beforeEach(() => {
  loginAs(BOB);
  setRouterParams({ id: 'g1' });
});
afterEach(() => {
  setLang('zh');
  process.env.TARO_ENV = originalEnv;
  delete (Taro as { chooseAddress?: unknown }).chooseAddress;
});

describe('gift claim form', () => {
  it('offers saved addresses (the default picked), and confirms the variant and address before accepting', async () => {
    route([OFFICE, HOME]);
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    expect((await screen.findByTestId('saved-address-a-home')).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByTestId('saved-address-a-office'));
    fireEvent.click(await screen.findByTestId('sku-s2'));
    fireEvent.click(screen.getByTestId('claim-accept'));

    // Nothing is sent yet: the irreversible step shows what will be locked in.
    await screen.findByTestId('claim-confirm-step');
    expect(screen.getByTestId('claim-confirm-variant').textContent).toBe('250g 罐装');
    expect(screen.getByTestId('claim-confirm-address').textContent).toContain('世纪大道 100 号');
    expect(posts('/gifts/g1/claim')).toEqual([]);

    // Going back changes nothing on the server; confirming sends the choice.
    fireEvent.click(screen.getByTestId('claim-back'));
    fireEvent.click(screen.getByTestId('claim-accept'));
    fireEvent.click(await screen.findByTestId('claim-confirm'));
    await screen.findByTestId('gift-all-claimed');
    expect(posts('/gifts/g1/claim')).toEqual([{ skuId: 's2', addressId: 'a-office' }]);
    expect(posts('/me/addresses')).toEqual([]);
  });

  it('refuses the phone "12345" before sending anything', async () => {
    route([]);
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    const typed = { name: '鲍勃', phone: '12345', region: '浙江省 杭州市', detail: '龙井路 1 号' };
    await screen.findByTestId('address-name');
    for (const [field, value] of Object.entries(typed)) {
      fireEvent.change(screen.getByTestId(`address-${field}`), { target: { value } });
    }
    fireEvent.click(screen.getByTestId('claim-accept'));
    expect((await screen.findByTestId('address-phone-error')).textContent).toBe(
      '手机号格式不对：11 位手机号或 +国际号码',
    );
    expect(screen.queryByTestId('claim-confirm-step')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('says a server refusal of the typed address under its field, in English when English is on', async () => {
    setLang('en');
    routeApi({
      'GET /me/addresses': () => ok([]),
      'POST /me/addresses': () =>
        fail(
          400,
          'VALIDATION_FAILED',
          'region must be 1-60 characters; phone must be a mainland mobile number (11 digits from 13) or an international +number (8-15 digits)',
        ),
      'GET /gifts/g1': () => ok(gift()),
      'GET /products/p1': () => ok(product(SKUS)),
    });
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    const typed = { name: '鲍勃', phone: '13800138000', region: '浙江省 杭州市', detail: '龙井路 1 号' };
    await screen.findByTestId('address-name');
    for (const [field, value] of Object.entries(typed)) {
      fireEvent.change(screen.getByTestId(`address-${field}`), { target: { value } });
    }
    fireEvent.click(screen.getByTestId('claim-accept'));
    expect((await screen.findByTestId('address-region-error')).textContent).toBe('Region must be 1–60 characters');
    expect(screen.getByTestId('address-phone-error').textContent).toBe(
      'Phone: an 11-digit mainland mobile or an international +number',
    );
    expect(screen.queryByTestId('claim-error')).toBeNull();
    expect(screen.queryByTestId('claim-confirm-step')).toBeNull();
    expect(posts('/gifts/g1/claim')).toEqual([]);
  });

  it('in the mini program, fills the new address from WeChat (Taro.chooseAddress) and saves it', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro as { chooseAddress?: unknown }).chooseAddress = () =>
      Promise.resolve({
        userName: '鲍勃',
        telNumber: '13700001234',
        provinceName: '广东省',
        cityName: '深圳市',
        countyName: '南山区',
        detailInfo: '科技园 1 号',
      });
    route([HOME]);
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    fireEvent.click(await screen.findByTestId('address-wechat'));
    expect(((await screen.findByTestId('address-region')) as HTMLInputElement).value).toBe('广东省 深圳市 南山区');
    fireEvent.click(screen.getByTestId('claim-accept'));
    fireEvent.click(await screen.findByTestId('claim-confirm'));
    await screen.findByTestId('gift-all-claimed');
    expect(posts('/me/addresses')).toEqual([
      { name: '鲍勃', phone: '13700001234', region: '广东省 深圳市 南山区', detail: '科技园 1 号' },
    ]);
    expect(posts('/gifts/g1/claim')).toEqual([{ skuId: 's1', addressId: 'a-new' }]);
  });

  it('offers no WeChat address button outside the mini program', async () => {
    route([HOME]);
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    await screen.findByTestId('saved-address-a-home');
    expect(screen.queryByTestId('address-wechat')).toBeNull();
  });
});
