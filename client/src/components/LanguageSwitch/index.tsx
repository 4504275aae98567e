import { Text, View } from '@tarojs/components';
import { useI18n } from '../../i18n';

/** 中文 / English, remembered in storage (`lang-zh`, `lang-en`). */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <View className="row" data-testid="lang-toggle">
      <Text>{t('me.language')}</Text>
      <View className="chips">
        <View
          className={`chip ${lang === 'zh' ? 'chip--active' : ''}`}
          data-testid="lang-zh"
          role="radio"
          aria-checked={lang === 'zh'}
          onClick={() => setLang('zh')}
        >
          中文
        </View>
        <View
          className={`chip ${lang === 'en' ? 'chip--active' : ''}`}
          data-testid="lang-en"
          role="radio"
          aria-checked={lang === 'en'}
          onClick={() => setLang('en')}
        >
          English
        </View>
      </View>
    </View>
  );
}
