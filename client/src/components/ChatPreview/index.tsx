import { Text, View } from '@tarojs/components';
import { describeNotice, type ChatLastMessage, type MessageView } from '@giftshop/shared';
import { useI18n, type Lang } from '../../i18n';
import './index.scss';

/** A system line in the reader's language: from its notice data when it has one, else its text. */
export function systemText(message: Pick<MessageView, 'text' | 'notice'>, lang: Lang): string {
  return message.notice ? describeNotice(message.notice, lang) : (message.text ?? '');
}

/** One line saying what the last message was: its text, a notice, or [礼物] / [商品] / [拼团] / [礼券] for a card. */
export function previewText(last: ChatLastMessage, lang: Lang): string {
  switch (last.type) {
    case 'system':
      return systemText(last, lang);
    case 'gift':
      return lang === 'en' ? '[Gift]' : '[礼物]';
    case 'product':
      return lang === 'en' ? '[Product]' : '[商品]';
    case 'group_buy':
      return lang === 'en' ? '[Group buy]' : '[拼团]';
    case 'gift_card':
      return lang === 'en' ? '[Gift card]' : '[礼券]';
    default:
      return last.text ?? '';
  }
}

/** Today: the time (14:05); earlier: the date (11/28). */
export function shortTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return at.toDateString() === now.toDateString()
    ? `${pad(at.getHours())}:${pad(at.getMinutes())}`
    : `${at.getMonth() + 1}/${at.getDate()}`;
}

/** The chat list row's right side: the last message's time and the unread badge. */
export function ChatMeta({ lastAt, unread, chatId }: { lastAt?: string; unread: number; chatId: string }) {
  return (
    <View className="chat-meta">
      {lastAt && (
        <Text className="chat-meta__time" data-testid={`chat-time-${chatId}`}>
          {shortTime(lastAt)}
        </Text>
      )}
      {unread > 0 && (
        <Text className="chat-meta__badge" data-testid={`chat-unread-${chatId}`}>
          {unread > 99 ? '99+' : unread}
        </Text>
      )}
    </View>
  );
}

/** The chat list row's second line: the last message, in the reader's language. */
export function ChatPreview({ last, fallback, chatId }: { last?: ChatLastMessage; fallback: string; chatId: string }) {
  const { lang } = useI18n();
  return (
    <Text className="muted chat-preview" data-testid={`chat-preview-${chatId}`}>
      {last ? previewText(last, lang) : fallback}
    </Text>
  );
}
