import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { addressProblems, type AddressField, type AddressView, type SavedAddressView } from '@giftshop/shared';
import { apiGet, apiPost } from '../../api/client';
import { apiUrl } from '../../api/routes';
import { isWeapp } from '../../hooks/useSession';
import { lastAddress, rememberAddress } from '../AddressForm';

export type AddressProblems = Partial<Record<AddressField, true>>;

/** The fields of a draft the shared address rules refuse (phone "12345", a blank name, …). */
export function draftProblems(draft: AddressView): AddressProblems {
  return Object.fromEntries(addressProblems(draft).map((p) => [p.field, true]));
}

/** WeChat's own 收货地址 (wx.chooseAddress) as our address shape. */
interface WechatAddress {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  detailInfo: string;
}

export function fromWechat(a: WechatAddress): AddressView {
  const region = [a.provinceName, a.cityName, a.countyName].filter(Boolean).join(' ');
  return { name: a.userName, phone: a.telNumber, region, detail: a.detailInfo };
}

/**
 * The address book as a form needs it: the saved addresses (the default picked), or a draft to add.
 * `commit()` is what a submit calls: the picked id, or the draft saved to the book first; null
 * when the draft breaks a rule (then `problems` says which fields).
 */
export function useAddressBook() {
  const [book, setBook] = useState<SavedAddressView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<AddressView>(lastAddress);
  const [problems, setProblems] = useState<AddressProblems>({});

  useEffect(() => {
    let live = true;
    apiGet(apiUrl('/me/addresses'))
      .then((saved) => {
        if (!live) return;
        setBook(saved);
        setSelectedId((saved.find((a) => a.isDefault) ?? saved[0])?.id ?? null);
      })
      // Without the book (offline, an older server) the buyer can still type an address.
      .catch(() => live && setBook([]));
    return () => {
      live = false;
    };
  }, []);

  const editing = book !== null && (book.length === 0 || adding);

  const edit = (next: AddressView) => {
    setDraft(next);
    setProblems({});
  };

  async function commit(): Promise<string | null> {
    if (!editing) return selectedId;
    const found = draftProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return null;
    const saved = await apiPost('/me/addresses', { body: draft });
    rememberAddress(draft);
    setBook((prev) => [...(prev ?? []), saved]);
    setSelectedId(saved.id);
    setAdding(false);
    return saved.id;
  }

  /** The mini program offers WeChat's saved addresses; the picked one fills the draft. */
  const canUseWechat = isWeapp() && typeof (Taro as { chooseAddress?: unknown }).chooseAddress === 'function';
  async function fillFromWechat(): Promise<void> {
    const chosen = (await (Taro as unknown as { chooseAddress: () => Promise<WechatAddress> }).chooseAddress()) as
      WechatAddress | undefined;
    if (!chosen) return;
    setAdding(true);
    edit(fromWechat(chosen));
  }

  return {
    book,
    selectedId,
    selected: book?.find((a) => a.id === selectedId) ?? null,
    select: (id: string) => {
      setSelectedId(id);
      setAdding(false);
    },
    editing,
    startAdding: () => setAdding(true),
    cancelAdding: () => setAdding(false),
    draft,
    edit,
    problems,
    commit,
    canUseWechat,
    fillFromWechat,
  };
}

export type AddressBook = ReturnType<typeof useAddressBook>;
