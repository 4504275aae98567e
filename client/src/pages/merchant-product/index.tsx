import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { COMMISSION_RULES, formatFen, skuGiftEligibility, type CategoryView, type ProductView } from '@giftshop/shared';
import { apiPatch, apiPost } from '../../api/client';
import type { FieldLabels } from '../../api/server-errors';
import { fieldMessage, FormError, unplacedMessage } from '../../components/FormError';
import { ImageUploader } from '../../components/ImageUploader';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { parseYuan, YuanInput, yuanText } from '../../components/YuanInput';
import { useAction } from '../../hooks/useApi';
import { useCategories, useProduct } from '../../hooks/useCatalog';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { translate, useI18n } from '../../i18n';
import { goBack, routes } from '../../routes';
import { notGiftableReason } from '../../i18n/labels';
import { bpsToPercent, percentToBps } from '../../sharing';
import './index.scss';
import type { RequestBody } from '../../api/routes';

type NewProduct = RequestBody<'post', '/shops/{shopId}/products'>;

interface SkuRow {
  /** Set for an existing SKU (edit: only price and stock change). */
  id?: string;
  specs: Record<string, string>;
  specName: string;
  specValue: string;
  price: string;
  listPrice: string;
  stock: string;
}

/** The server's floor for a selling price (`@Min(1)` on priceFen): ¥0.01. */
const MIN_PRICE_FEN = 1;

/** A blank SKU row; its spec name starts as the localized 规格 / Option. */
const newSku = (): SkuRow => ({
  specs: {},
  specName: translate('productForm.defaultSpecName'),
  specValue: '',
  price: '',
  listPrice: '',
  stock: '100',
});

/** The server's field paths as this form labels them (server errors are shown by these names). */
const PRODUCT_FIELDS: FieldLabels = {
  title: { label: 'productForm.title' },
  description: { label: 'productForm.description' },
  categoryCode: { label: 'productForm.category' },
  skus: { label: 'field.specs' },
  'skus.*.specs': { label: 'field.specs' },
  'skus.*.priceFen': { label: 'field.price', money: true },
  'skus.*.listPriceFen': { label: 'field.listPrice', money: true },
  'skus.*.stock': { label: 'field.stock' },
};

/** The first thing wrong with a row as typed (numbers, a price of at least ¥0.01), or null. */
function rowProblem(row: SkuRow, index: number, editing: boolean): string | null {
  const n = index + 1;
  const priceFen = parseYuan(row.price);
  if (priceFen === null) return translate('productForm.badPrice', { n });
  if (priceFen < MIN_PRICE_FEN) return translate('productForm.priceTooLow', { n, min: formatFen(MIN_PRICE_FEN) });
  if (!editing && parseYuan(row.listPrice) === null) return translate('productForm.badListPrice', { n });
  if (!/^\d+$/.test(row.stock.trim())) return translate('productForm.badStock', { n });
  return null;
}

/** Create or edit a listing with its SKUs; the server's validation messages show beside their fields. */
export default function MerchantProductPage() {
  const params = useRouter().params;
  usePageTitle(params.id ? 'page.merchantProduct' : 'page.merchantProductNew');
  useRequireLogin();
  const categories = useCategories();
  // The owner reads its own product (delisted included) without a scene: no view is recorded.
  const product = useProduct(params.id);

  return (
    <View className="page product-form">
      <AsyncView state={categories}>
        {(cats) =>
          params.id ? (
            <AsyncView state={product}>
              {(data) => <ProductForm shopId={params.shopId ?? data.shopId} categories={cats} product={data} />}
            </AsyncView>
          ) : (
            <ProductForm shopId={params.shopId ?? ''} categories={cats} />
          )
        }
      </AsyncView>
    </View>
  );
}

function toRows(product?: ProductView): SkuRow[] {
  if (!product) return [newSku()];
  return product.skus.map((sku) => ({
    id: sku.id,
    specs: sku.specs,
    specName: '',
    specValue: '',
    price: yuanText(sku.priceFen),
    listPrice: yuanText(sku.listPriceFen),
    stock: String(sku.stock),
  }));
}

function ProductForm({
  shopId,
  categories,
  product,
}: {
  shopId: string;
  categories: CategoryView[];
  product?: ProductView;
}) {
  const { t, lang } = useI18n();
  const editing = Boolean(product);
  const [title, setTitle] = useState(product?.title ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [categoryCode, setCategoryCode] = useState(product?.categoryCode ?? '');
  const [rows, setRows] = useState<SkuRow[]>(() => toRows(product));
  const [imageUrls, setImageUrls] = useState<string[]>(product?.imageUrls ?? []);
  const [localError, setLocalError] = useState<string | null>(null);
  const [commission, setCommission] = useState(product ? bpsToPercent(product.commissionBps) : '0');
  const maxPercent = bpsToPercent(COMMISSION_RULES.maxBps);

  // An edit answers the error shown: a stale server or form message goes away.
  const edited = () => {
    save.clear();
    setLocalError(null);
  };
  const setRow = (index: number, patch: Partial<SkuRow>) => {
    edited();
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };

  const save = useAction(async (write: () => Promise<unknown>) => {
    await write();
    await goBack(routes.merchant(shopId));
  });

  const submit = () => {
    const problem = rows.map((row, index) => rowProblem(row, index, editing)).find(Boolean);
    if (problem) {
      // The new problem replaces whatever the server said about the last attempt.
      save.clear();
      setLocalError(problem);
      return;
    }
    const commissionBps = percentToBps(commission);
    if (commissionBps === null) {
      save.clear();
      setLocalError(t('productForm.badCommission', { max: maxPercent }));
      return;
    }
    const priced = (row: SkuRow) => ({ priceFen: parseYuan(row.price) ?? 0, stock: Number(row.stock) });
    setLocalError(null);
    // Editing changes the listed SKUs (rows are added only to a new listing).
    void save.run(() =>
      product
        ? apiPatch('/products/{id}', {
            path: { id: product.id },
            body: {
              title,
              description,
              imageUrls,
              commissionBps,
              skus: rows.map((row) => ({ id: row.id ?? '', ...priced(row) })),
            },
          })
        : apiPost('/shops/{shopId}/products', {
            path: { shopId },
            body: {
              title,
              description,
              // One of the categories the picker offers (the server names a wrong one).
              categoryCode: categoryCode as NewProduct['categoryCode'],
              imageUrls,
              skus: rows.map((row) => ({
                specs: { [row.specName.trim() || t('productForm.defaultSpecName')]: row.specValue.trim() },
                listPriceFen: parseYuan(row.listPrice) ?? 0,
                ...priced(row),
              })),
            },
          }),
    );
  };

  const category = categories.find((c) => c.code === categoryCode);
  const fields = ['title', 'description', 'imageUrls', 'categoryCode', 'skus'];

  return (
    <>
      <View className="section">
        <View className="field">
          <Text className="field__label">{t('productForm.title')}</Text>
          <Input
            className="field__input"
            data-testid="product-title-input"
            aria-label={t('productForm.title')}
            value={title}
            onInput={(e) => {
              edited();
              setTitle(e.detail.value);
            }}
          />
        </View>
        <FormError error={fieldMessage(save.error, 'title', PRODUCT_FIELDS)} testId="product-title-error" />
        <View className="field">
          <Text className="field__label">{t('productForm.description')}</Text>
          <Textarea
            className="field__textarea"
            data-testid="product-description-input"
            aria-label={t('productForm.description')}
            value={description}
            onInput={(e) => {
              edited();
              setDescription(e.detail.value);
            }}
          />
        </View>
        <FormError error={fieldMessage(save.error, 'description', PRODUCT_FIELDS)} testId="product-description-error" />
        <ImageUploader urls={imageUrls} onChange={setImageUrls} />
        <FormError error={fieldMessage(save.error, 'imageUrls', PRODUCT_FIELDS)} testId="product-images-error" />
        {editing && (
          <View className="field">
            <Text className="field__label">{t('productForm.commission', { max: maxPercent })}</Text>
            <Input
              className="field__input"
              type="digit"
              data-testid="product-commission-input"
              aria-label={t('productForm.commission', { max: maxPercent })}
              value={commission}
              onInput={(e) => {
                edited();
                setCommission(e.detail.value);
              }}
            />
          </View>
        )}
      </View>

      <View className="section">
        <Text className="section__title">{t('productForm.category')}</Text>
        {editing ? (
          <Text>{category ? (lang === 'en' ? category.nameEn : category.name) : categoryCode}</Text>
        ) : (
          <View className="chips">
            {categories.map((c) => (
              <View
                key={c.code}
                className={`chip ${c.code === categoryCode ? 'chip--active' : ''}`}
                data-testid={`category-${c.code}`}
                onClick={() => {
                  edited();
                  setCategoryCode(c.code);
                }}
              >
                {lang === 'en' ? c.nameEn : c.name}
                {!c.giftable && ' 🚫🎁'}
              </View>
            ))}
          </View>
        )}
        <FormError error={fieldMessage(save.error, 'categoryCode', PRODUCT_FIELDS)} testId="product-category-error" />
      </View>

      <View className="section">
        <Text className="section__title">{t('productForm.skus')}</Text>
        {rows.map((row, index) => {
          const listFen = parseYuan(row.listPrice);
          // Explain, before saving, what the shared eligibility rule will say about this SKU.
          const eligibility =
            categoryCode && listFen !== null ? skuGiftEligibility({ categoryCode, listPriceFen: listFen }) : null;
          return (
            <View key={row.id ?? index} className="product-form__sku" data-testid={`sku-row-${index}`}>
              {row.id ? (
                <Text className="product-form__specs">{skuLabel(row.specs)}</Text>
              ) : (
                <View className="field">
                  <Input
                    className="field__input"
                    data-testid={`sku-spec-name-${index}`}
                    aria-label={t('productForm.specName')}
                    value={row.specName}
                    placeholder={t('productForm.specName')}
                    onInput={(e) => setRow(index, { specName: e.detail.value })}
                  />
                  <Input
                    className="field__input"
                    data-testid={`sku-spec-value-${index}`}
                    aria-label={t('productForm.specValue')}
                    value={row.specValue}
                    placeholder={t('productForm.specValue')}
                    onInput={(e) => setRow(index, { specValue: e.detail.value })}
                  />
                </View>
              )}
              <View className="field">
                <Text className="field__label">{t('productForm.price')}</Text>
                <YuanInput
                  testId={`sku-price-${index}`}
                  value={row.price}
                  onChange={(price) => setRow(index, { price })}
                  placeholder={t('productForm.price')}
                />
              </View>
              {!row.id && (
                <View className="field">
                  <Text className="field__label">{t('productForm.listPrice')}</Text>
                  <YuanInput
                    testId={`sku-list-price-${index}`}
                    value={row.listPrice}
                    onChange={(listPrice) => setRow(index, { listPrice })}
                    placeholder={t('productForm.listPrice')}
                  />
                </View>
              )}
              <View className="field">
                <Text className="field__label">{t('productForm.stock')}</Text>
                <Input
                  className="field__input"
                  type="number"
                  data-testid={`sku-stock-${index}`}
                  aria-label={t('productForm.stock')}
                  value={row.stock}
                  onInput={(e) => setRow(index, { stock: e.detail.value })}
                />
              </View>
              {!row.id && eligibility && !eligibility.giftable && (
                <Text className="muted product-form__reason">
                  {notGiftableReason({ listPriceFen: listFen ?? 0 }, categoryCode)}
                </Text>
              )}
              <FormError
                error={fieldMessage(save.error, `skus.${index}`, PRODUCT_FIELDS)}
                testId={`sku-error-${index}`}
              />
              {!row.id && rows.length > 1 && (
                <Text
                  className="product-form__remove"
                  data-testid={`sku-remove-${index}`}
                  onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                >
                  {t('productForm.removeSku')}
                </Text>
              )}
            </View>
          );
        })}
        {!editing && (
          <Button
            className="btn btn--plain btn--small"
            data-testid="sku-add"
            onClick={() => setRows((current) => [...current, newSku()])}
          >
            {t('productForm.addSku')}
          </Button>
        )}
        <FormError
          error={
            fieldMessage(save.error, 'skus', PRODUCT_FIELDS) &&
            !rows.some((_, i) => fieldMessage(save.error, `skus.${i}`, PRODUCT_FIELDS))
              ? fieldMessage(save.error, 'skus', PRODUCT_FIELDS)
              : null
          }
          testId="product-skus-error"
        />
      </View>

      <View className="section">
        <FormError
          error={localError ?? unplacedMessage(save.error, fields, PRODUCT_FIELDS)}
          testId="product-form-error"
        />
        <Button
          className="btn btn--primary"
          data-testid="product-submit"
          disabled={save.pending}
          aria-disabled={save.pending}
          onClick={submit}
        >
          {editing ? t('productForm.save') : t('productForm.create')}
        </Button>
      </View>
    </>
  );
}
