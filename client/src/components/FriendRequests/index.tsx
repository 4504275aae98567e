import { Button, Text, View } from '@tarojs/components';
import type { FriendRequestView } from '@giftshop/shared';
import { useAction } from '../../hooks/useApi';
import { acceptFriendRequest, declineFriendRequest, useFriendRequests } from '../../hooks/useFriends';
import { useReloadOnShow } from '../../hooks/usePage';
import { useI18n } from '../../i18n';
import { FormError } from '../FormError';
import './index.scss';

/**
 * 新的朋友: requests waiting for the user, each to accept (ask back) or decline. Shows nothing
 * while there are none. `onAccepted` lets the page show the direct chat that just opened.
 */
export function FriendRequests({ onAccepted }: { onAccepted: () => void }) {
  const { t } = useI18n();
  const requests = useFriendRequests();
  useReloadOnShow(requests.reload);
  const action = useAction(async (request: FriendRequestView, answer: 'accept' | 'decline') => {
    if (answer === 'accept') await acceptFriendRequest(request);
    else await declineFriendRequest(request);
    await requests.reload({ silent: true });
    if (answer === 'accept') onAccepted();
  });

  if (requests.status !== 'ready' || requests.data.length === 0) return null;
  return (
    <View className="friend-requests" data-testid="friend-requests">
      <Text className="friend-requests__title">{t('friends.requests', { count: requests.data.length })}</Text>
      {requests.data.map((request) => (
        <View key={request.id} className="friend-requests__item" data-testid={`friend-request-${request.id}`}>
          <View className="friend-requests__avatar">
            <Text>{request.nickname.slice(0, 1)}</Text>
          </View>
          <View className="friend-requests__body">
            <Text>{request.nickname}</Text>
            <Text className="muted">{t('friends.wantsToBeFriends')}</Text>
          </View>
          <Button
            className="btn btn--plain btn--small"
            data-testid={`friend-decline-${request.id}`}
            disabled={action.pending}
            onClick={() => void action.run(request, 'decline')}
          >
            {t('friends.decline')}
          </Button>
          <Button
            className="btn btn--primary btn--small"
            data-testid={`friend-accept-${request.id}`}
            disabled={action.pending}
            onClick={() => void action.run(request, 'accept')}
          >
            {t('friends.accept')}
          </Button>
        </View>
      ))}
      <FormError error={action.error} testId="friend-requests-error" />
    </View>
  );
}
