import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { SkuView } from '@giftshop/shared';
import { setLang } from '../../i18n';
import { sku } from '../../test/fixtures';
import { SkuPicker } from './index';

const GOLD = sku({ id: 'gold', specs: { 规格: '足金 5g' }, priceFen: 298000, listPriceFen: 320000 });
const BAR = sku({
  id: 'bar',
  specs: { 规格: '金条 100g' },
  priceFen: 5880000,
  listPriceFen: 5880000,
  giftable: false,
  giftReason: 'not giftable: list price over ¥10,000.00',
});
const EMPTY = sku({ id: 'empty', specs: { 规格: '足金 1g' }, stock: 0 });

function Harness({ onBuy, onGift }: { onBuy: (s: SkuView, q: number) => void; onGift: (s: SkuView) => void }) {
  const [selectedId, setSelectedId] = useState<string | null>('gold');
  const [quantity, setQuantity] = useState(1);
  return (
    <SkuPicker
      skus={[GOLD, BAR, EMPTY]}
      selectedId={selectedId}
      onSelect={(s) => setSelectedId(s.id)}
      quantity={quantity}
      onQuantity={setQuantity}
      onBuy={onBuy}
      onGift={onGift}
      categoryCode="jewellery_gold"
    />
  );
}

describe('SKU picker', () => {
  it('sends a giftable SKU as a gift and buys it in the chosen quantity', () => {
    const onBuy = jest.fn();
    const onGift = jest.fn();
    render(<Harness onBuy={onBuy} onGift={onGift} />);

    expect(screen.getByTestId('sku-price').textContent).toBe('¥2,980.00');
    expect(screen.queryByTestId('sku-gift-reason')).toBeNull();

    fireEvent.click(screen.getByTestId('quantity-plus'));
    fireEvent.click(screen.getByTestId('quantity-plus'));
    fireEvent.click(screen.getByTestId('buy-button'));
    expect(onBuy).toHaveBeenCalledWith(GOLD, 3);

    fireEvent.click(screen.getByTestId('gift-button'));
    expect(onGift).toHaveBeenCalledWith(GOLD);
  });

  it('shows why a SKU cannot be a gift and disables 送给朋友, while 购买 stays open', () => {
    const onBuy = jest.fn();
    const onGift = jest.fn();
    render(<Harness onBuy={onBuy} onGift={onGift} />);

    fireEvent.click(screen.getByTestId('sku-bar'));

    expect(screen.getByTestId('sku-bar').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('sku-price').textContent).toBe('¥58,800.00');
    // The shared eligibility rule names the list-price cap, in Chinese by default.
    expect(screen.getByTestId('sku-gift-reason').textContent).toBe('不可送礼：原价超过 ¥10,000.00');
    const giftButton = screen.getByTestId('gift-button') as HTMLButtonElement;
    expect(giftButton.textContent).toBe('送给朋友');
    expect(giftButton.disabled).toBe(true);
    fireEvent.click(giftButton);
    expect(onGift).not.toHaveBeenCalled();

    expect((screen.getByTestId('buy-button') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('buy-button'));
    expect(onBuy).toHaveBeenCalledWith(BAR, 1);
  });

  it('speaks English behind the switch', () => {
    setLang('en');
    try {
      render(<Harness onBuy={jest.fn()} onGift={jest.fn()} />);
      fireEvent.click(screen.getByTestId('sku-bar'));
      expect(screen.getByTestId('sku-gift-reason').textContent).toBe('Not giftable: list price over ¥10,000.00');
      expect(screen.getByTestId('gift-button').textContent).toBe('Send as a gift');
      expect(screen.getByTestId('buy-button').textContent).toBe('Buy');
    } finally {
      setLang('zh');
    }
  });

  it("falls back to the server's reason when the category is not known", () => {
    render(
      <SkuPicker
        skus={[BAR]}
        selectedId="bar"
        onSelect={jest.fn()}
        quantity={1}
        onQuantity={jest.fn()}
        onBuy={jest.fn()}
        onGift={jest.fn()}
      />,
    );
    expect(screen.getByTestId('sku-gift-reason').textContent).toBe(
      '不可送礼：not giftable: list price over ¥10,000.00',
    );
    expect((screen.getByTestId('gift-button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('does not let a sold-out SKU be picked', () => {
    render(<Harness onBuy={jest.fn()} onGift={jest.fn()} />);

    fireEvent.click(screen.getByTestId('sku-empty'));

    expect(screen.getByTestId('sku-empty').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('sku-gold').getAttribute('aria-checked')).toBe('true');
  });

  it('caps the quantity at the stock', () => {
    render(<Harness onBuy={jest.fn()} onGift={jest.fn()} />);
    for (let i = 0; i < 15; i++) fireEvent.click(screen.getByTestId('quantity-plus'));
    expect(screen.getByTestId('quantity-value').textContent).toBe('10');
    expect((screen.getByTestId('quantity-plus') as HTMLButtonElement).disabled).toBe(true);
  });
});
