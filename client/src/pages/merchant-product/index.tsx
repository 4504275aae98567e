import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { skuGiftEligibility, type CategoryView, type ProductView } from '@giftshop/shared';
import { apiPatch, apiPost } from '../../api/client';
import { fieldMessage, FormError, unplacedMessage } from '../../components/FormError';
import { ImageUploader } from '../../components/ImageUploader';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { parseYuan, YuanInput, yuanText } from '../../components/YuanInput';
import { useAction, useApi } from '../../hooks/useApi';
import { useCategories } from '../../hooks/useCatalog';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { goBack, routes } from '../../routes';
import { notGiftableReason } from '../../i18n/labels';
import './index.scss';

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

const NEW_SKU: SkuRow = { specs: {}, specName: '规格', specValue: '', price: '', listPrice: '', stock: '100' };

/** Create or edit a listing with its SKUs; the server's validation messages show beside their fields. */
export default function MerchantProductPage() {
  usePageTitle('page.merchantProduct');
  useRequireLogin();
  const params = useRouter().params;
  const categories = useCategories();
  // The owner reads its own product (delisted included) without a scene: no view is recorded.
  const product = useApi<ProductView>(params.id ? `/products/${params.id}` : null);

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
  if (!product) return [{ ...NEW_SKU }];
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

  const setRow = (index: number, patch: Partial<SkuRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const save = useAction(async (body: object) => {
    if (product) await apiPatch(`/products/${product.id}`, body);
    else await apiPost(`/shops/${shopId}/products`, body);
    await goBack(routes.merchant(shopId));
  });

  const submit = () => {
    const skus = [];
    for (const [index, row] of rows.entries()) {
      const priceFen = parseYuan(row.price);
      const listPriceFen = editing ? 0 : parseYuan(row.listPrice);
      const stock = /^\d+$/.test(row.stock.trim()) ? Number(row.stock) : null;
      if (priceFen === null || listPriceFen === null || stock === null) {
        setLocalError(t('productForm.badNumber', { n: index + 1 }));
        return;
      }
      skus.push(
        row.id
          ? { id: row.id, priceFen, stock }
          : { specs: { [row.specName.trim() || '规格']: row.specValue.trim() }, priceFen, listPriceFen, stock },
      );
    }
    setLocalError(null);
    void save.run(
      editing ? { title, description, imageUrls, skus } : { title, description, categoryCode, imageUrls, skus },
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
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
        <FormError error={fieldMessage(save.error, 'title')} testId="product-title-error" />
        <View className="field">
          <Text className="field__label">{t('productForm.description')}</Text>
          <Textarea
            className="field__textarea"
            data-testid="product-description-input"
            aria-label={t('productForm.description')}
            value={description}
            onInput={(e) => setDescription(e.detail.value)}
          />
        </View>
        <FormError error={fieldMessage(save.error, 'description')} testId="product-description-error" />
        <ImageUploader urls={imageUrls} onChange={setImageUrls} />
        <FormError error={fieldMessage(save.error, 'imageUrls')} testId="product-images-error" />
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
                onClick={() => setCategoryCode(c.code)}
              >
                {lang === 'en' ? c.nameEn : c.name}
                {!c.giftable && ' 🚫🎁'}
              </View>
            ))}
          </View>
        )}
        <FormError error={fieldMessage(save.error, 'categoryCode')} testId="product-category-error" />
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
              <FormError error={fieldMessage(save.error, `skus.${index}`)} testId={`sku-error-${index}`} />
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
            onClick={() => setRows((current) => [...current, { ...NEW_SKU }])}
          >
            {t('productForm.addSku')}
          </Button>
        )}
        <FormError
          error={
            fieldMessage(save.error, 'skus') && !rows.some((_, i) => fieldMessage(save.error, `skus.${i}`))
              ? fieldMessage(save.error, 'skus')
              : null
          }
          testId="product-skus-error"
        />
      </View>

      <View className="section">
        <FormError error={localError ?? unplacedMessage(save.error, fields)} testId="product-form-error" />
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
