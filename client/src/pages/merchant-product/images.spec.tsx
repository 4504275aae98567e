import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { requests, setChosenImages, setRouterParams } from '../../test/taro';
import { ALICE, fail, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import MerchantProductPage from './index';

const CATEGORIES = [{ code: 'tea', name: '茶叶', nameEn: 'Tea', feeRateBps: 200, giftable: true, parentCode: null }];

/** The server: categories, the product being edited, and uploads answered in turn from `answers`. */
function server(answers: { statusCode: number; data: unknown }[]) {
  let saved: unknown = null;
  routeApi({
    'GET /categories': () => ok(CATEGORIES),
    'GET /products/p1': () => ok(product([sku({ id: 's1' })], { imageUrls: ['/images/demo/p01.webp'] })),
    'POST /uploads': () => answers.shift() ?? fail(500, 'X', 'no more answers'),
    'PATCH /products/p1': (body) => {
      saved = body;
      return ok(product([sku({ id: 's1' })]));
    },
  });
  return { saved: () => saved };
}

const uploads = () => requests.filter((r) => r.path === '/uploads');

beforeEach(() => {
  loginAs(ALICE);
  setRouterParams({ id: 'p1', shopId: 'shop1' });
});

describe('merchant product form: pictures', () => {
  it('uploads the chosen pictures with the token, shows them, and saves them with the product', async () => {
    const api = server([
      ok({ url: '/uploads/aa.webp', thumbnailUrl: '/uploads/aa-thumb.webp' }, 201),
      ok({ url: '/uploads/bb.webp', thumbnailUrl: '/uploads/bb-thumb.webp' }, 201),
    ]);
    render(<MerchantProductPage />);
    expect(await screen.findByTestId('product-image-0')).not.toBeNull();

    setChosenImages(['blob:one', 'blob:two']);
    fireEvent.click(screen.getByTestId('product-image-add'));
    await screen.findByTestId('product-image-2');
    expect(uploads().map((r) => [r.data, r.header?.Authorization])).toEqual([
      [{ filePath: 'blob:one', name: 'file' }, 'Bearer token-o_alice'],
      [{ filePath: 'blob:two', name: 'file' }, 'Bearer token-o_alice'],
    ]);

    fireEvent.click(screen.getByTestId('product-image-remove-0'));
    fireEvent.click(screen.getByTestId('product-submit'));
    await waitFor(() => expect(api.saved()).not.toBeNull());
    expect((api.saved() as { imageUrls: string[] }).imageUrls).toEqual(['/uploads/aa.webp', '/uploads/bb.webp']);
  });

  it('says plainly why a picture was refused: too large, or not a picture', async () => {
    server([
      fail(413, 'FILE_TOO_LARGE', 'the file must be at most 5 MB'),
      fail(415, 'NOT_AN_IMAGE', 'the file must be a JPEG, PNG or WebP image'),
    ]);
    render(<MerchantProductPage />);
    await screen.findByTestId('product-image-0');

    setChosenImages(['blob:huge']);
    fireEvent.click(screen.getByTestId('product-image-add'));
    expect((await screen.findByTestId('product-image-error')).textContent).toBe('图片不能超过 5 MB');
    fireEvent.click(screen.getByTestId('product-image-add'));
    await waitFor(() =>
      expect(screen.getByTestId('product-image-error').textContent).toBe('只能上传 JPEG、PNG 或 WebP 图片'),
    );
    expect(screen.queryByTestId('product-image-1')).toBeNull();
  });
});
