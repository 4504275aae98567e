import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiRequestError, apiUpload, errorMessage } from '../../api/client';
import { useI18n, type Translate } from '../../i18n';
import { FormError } from '../FormError';
import './index.scss';

export const MAX_IMAGES = 9;

/**
 * The product's pictures: thumbnails with a remove button, and 添加图片, which picks pictures
 * (album or camera in the mini program, a file input in H5) and uploads each to POST /api/uploads.
 */
export function ImageUploader({ urls, onChange }: { urls: string[]; onChange: (urls: string[]) => void }) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (uploading || urls.length >= MAX_IMAGES) return;
    let paths: string[];
    try {
      const chosen = await Taro.chooseImage({
        count: MAX_IMAGES - urls.length,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      paths = chosen.tempFilePaths;
    } catch {
      return; // The picker was closed.
    }
    setUploading(true);
    setError(null);
    const added: string[] = [];
    try {
      for (const path of paths.slice(0, MAX_IMAGES - urls.length)) added.push((await apiUpload(path)).url);
    } catch (err) {
      setError(uploadError(err, t));
    } finally {
      setUploading(false);
      if (added.length) onChange([...urls, ...added]);
    }
  };

  return (
    <View className="image-uploader" data-testid="image-uploader">
      <Text className="field__label">{t('productForm.images', { n: MAX_IMAGES })}</Text>
      <View className="image-uploader__grid">
        {urls.map((url, index) => (
          <View key={url} className="image-uploader__item" data-testid={`product-image-${index}`}>
            <Image className="image-uploader__image" src={url} mode="aspectFill" />
            <View
              className="image-uploader__remove"
              aria-label={t('productForm.removeImage')}
              data-testid={`product-image-remove-${index}`}
              onClick={() => onChange(urls.filter((_, i) => i !== index))}
            >
              ×
            </View>
          </View>
        ))}
        {urls.length < MAX_IMAGES && (
          <View
            className="image-uploader__add"
            data-testid="product-image-add"
            aria-disabled={uploading}
            onClick={() => void add()}
          >
            <Text>{uploading ? t('productForm.uploading') : `＋ ${t('productForm.addImage')}`}</Text>
          </View>
        )}
      </View>
      <FormError error={error} testId="product-image-error" />
    </View>
  );
}

function uploadError(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError && err.statusCode === 413) return t('productForm.imageTooLarge');
  if (err instanceof ApiRequestError && err.statusCode === 415) return t('productForm.notAnImage');
  return errorMessage(err);
}
